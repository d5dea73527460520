package org.unionportal.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile JSON values, as the hostile corpus sends them: numbers at and beyond the edges of {@code int} and
 * {@code long}, very long texts and control characters, SQL and script injection, impossible dates, numbers where
 * dates and codes are expected, nulls inside lists, the wrong JSON type. {@link #forType} weights them towards what
 * can hurt a field of the given Java type; {@link #plausibleFor} gives ordinary values of it (so a body can pass the
 * first checks and reach deeper code). Generators ({@link Gen}) draw from a seeded {@link Random}: the same seed, the
 * same values.
 */
public final class HostileValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Longer than any column, short enough to stay under the body limit (1 MiB) even in a list. */
    static final int LONG_TEXT = 100_000;

    private HostileValues() {
    }

    public static Gen<JsonNode> numbers() {
        // the edges most often: they are what overflows a sum or a product of money
        return Gen.weighted(
                Gen.weight(6, Gen.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1,
                        Long.MAX_VALUE / 100, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, (long) Integer.MAX_VALUE + 1,
                        99_999_999_999L, -100_000L, 2_147_483_648_00L).map(n -> (JsonNode) F.numberNode(n))),
                Gen.weight(2, ((Gen<Long>) Random::nextLong).map(n -> (JsonNode) F.numberNode(n))),
                Gen.weight(1, Gen.of(new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"),
                        BigInteger.TEN.pow(40)).map(n -> (JsonNode) F.numberNode(n))),
                Gen.weight(1, Gen.of(new BigDecimal("1.5"), new BigDecimal("-0.01"), new BigDecimal("1e308"),
                        new BigDecimal("1e-400"), new BigDecimal("0.0")).map(n -> (JsonNode) F.numberNode(n))));
    }

    public static Gen<JsonNode> texts() {
        return Gen.oneOf(
                Gen.of("", " ", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "\t\r\n", "\u202e反转", "\ud83d\ude00",
                        "\ud800", "' OR '1'='1", "'; DROP TABLE MA_CLAIM; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>", "../../../../etc/passwd", "%00", "${jndi:ldap://x/a}", "{{7*7}}",
                        "null", "undefined", "NaN", "-1", "12345678901234567890", "2026-02-30", "0000-00-00")
                        .map(F::textNode),
                Gen.of('a', '字', '\u0000', '9').map(c -> F.textNode(String.valueOf(c).repeat(LONG_TEXT))),
                Gen.ints(31, 2_100).map(n -> F.textNode("长".repeat(n))),
                anyChars(300).map(F::textNode));
    }

    /** Dates that do not exist or are out of every range, and numbers and texts where a date belongs. */
    public static Gen<JsonNode> dates() {
        return Gen.oneOf(
                Gen.of("2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "-0001-01-01", "+999999999-12-31",
                        "-999999999-01-01", "9999-12-31", "1900-01-01", "2026-1-1", "20260301", "2026/03/01", "2026-03-01T25:00",
                        "2026-03-01T00:00:00Z", "today", "").map(F::textNode),
                Gen.of(20000L, 0L, -1L, 1_767_225_600_000L).map(F::numberNode),
                Gen.ints(-50_000, 50_000).map(year -> F.textNode(yearDate(year))));
    }

    private static String yearDate(int year) {
        try {
            return LocalDate.of(year, 1, 1).toString();
        } catch (RuntimeException e) {
            return year + "-01-01";
        }
    }

    /** The wrong JSON shape for nearly every field. */
    public static Gen<JsonNode> wrongShapes() {
        return Gen.of(F.nullNode(), F.booleanNode(true), F.booleanNode(false), F.arrayNode(),
                F.arrayNode().add(F.nullNode()), F.objectNode(), F.objectNode().put("$ne", 1), F.textNode("true"),
                F.arrayNode().add(F.arrayNode().add(F.arrayNode())));
    }

    public static Gen<JsonNode> any() {
        return Gen.oneOf(numbers(), texts(), dates(), wrongShapes());
    }

    /** Hostile values for a field declared as {@code type}: mostly ones of its own kind, some of any kind. */
    public static Gen<JsonNode> forType(Type type) {
        Class<?> raw = raw(type);
        Gen<JsonNode> own;
        if (CharSequence.class.isAssignableFrom(raw)) {
            own = texts();
        } else if (isNumber(raw)) {
            own = numbers();
        } else if (java.time.temporal.TemporalAccessor.class.isAssignableFrom(raw)) {
            own = dates();
        } else if (raw.isEnum()) {
            own = enumValues(raw);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = element(type);
            own = Gen.oneOf(
                    forType(element).list(1, 3).map(HostileValues::array),
                    plausibleFor(element).list(0, 3).map(l -> {
                        List<JsonNode> withNull = new ArrayList<>(l);
                        withNull.add(F.nullNode());
                        return array(withNull);
                    }),
                    plausibleFor(element).map(one -> array(java.util.Collections.nCopies(1_000, one))));
        } else if (raw.isRecord()) {
            own = HostileBodies.objectsOf(raw);
        } else {
            own = any();
        }
        return Gen.weighted(
                Gen.weight(6, own),
                Gen.weight(2, wrongShapes()),
                Gen.weight(2, any()));
    }

    private static Gen<JsonNode> enumValues(Class<?> type) {
        List<JsonNode> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            names.add(F.textNode(name.toLowerCase(java.util.Locale.ROOT)));
            names.add(F.textNode(" " + name));
        }
        names.add(F.numberNode(0));
        names.add(F.numberNode(type.getEnumConstants().length));
        names.add(F.textNode("NOT_A_CODE"));
        return Gen.oneOf(Gen.of(names), texts());
    }

    /** Ordinary values of a type, so the other fields of a body look right. */
    public static Gen<JsonNode> plausibleFor(Type type) {
        Class<?> raw = raw(type);
        if (CharSequence.class.isAssignableFrom(raw)) {
            return Gen.oneOf(Gen.of("张三", "无锡市人民医院", "test", "A1").map(F::textNode),
                    letters(1, 12).map(F::textNode));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Gen.of(true, false).map(F::booleanNode);
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return Gen.ints(0, 1_000).map(F::numberNode);
        }
        if (isNumber(raw)) {
            return Gen.longs(0, 10_000_000).map(F::numberNode);
        }
        if (raw == java.time.YearMonth.class) {
            return Gen.ints(0, 120).map(m -> F.textNode(java.time.YearMonth.of(2020, 1).plusMonths(m).toString()));
        }
        if (raw == java.time.Instant.class) {
            return Gen.ints(0, 3_000).map(d -> F.textNode(java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * d).toString()));
        }
        if (java.time.temporal.TemporalAccessor.class.isAssignableFrom(raw)) {
            return Gen.ints(0, 3_650).map(d -> F.textNode(LocalDate.of(2020, 1, 1).plusDays(d).toString()));
        }
        if (raw.isEnum()) {
            return Gen.of(raw.getEnumConstants()).map(c -> F.textNode(((Enum<?>) c).name()));
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            return plausibleFor(element(type)).list(0, 3).map(HostileValues::array);
        }
        if (raw.isRecord()) {
            return HostileBodies.plausibleObjectsOf(raw).map(o -> (JsonNode) o);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Gen.just(F.objectNode());
        }
        return Gen.just(F.nullNode());
    }

    /** Texts of up to {@code max} chars of any kind: control characters, lone surrogates, CJK, private use. */
    static Gen<String> anyChars(int max) {
        return r -> {
            int length = r.nextInt(max + 1);
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                // mostly below U+0800 (ASCII and controls are the likelier trouble), the rest anywhere in the BMP
                s.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(0x800)));
            }
            return s.toString();
        };
    }

    static Gen<String> letters(int min, int max) {
        return r -> {
            int length = min + r.nextInt(max - min + 1);
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                s.append((char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(26)));
            }
            return s.toString();
        };
    }

    static ArrayNode array(List<JsonNode> elements) {
        ArrayNode a = F.arrayNode();
        elements.forEach(a::add);
        return a;
    }

    static boolean isNumber(Class<?> raw) {
        return Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class && raw != char.class && raw != void.class);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    static Type element(Type collection) {
        if (collection instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        return collection instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                ? p.getActualTypeArguments()[0] : Object.class;
    }

    /** The declared type of a record's component, or null. */
    static Type componentType(Class<?> record, String name) {
        if (!record.isRecord()) {
            return null;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType();
            }
        }
        return null;
    }

    static ObjectNode object() {
        return F.objectNode();
    }
}
