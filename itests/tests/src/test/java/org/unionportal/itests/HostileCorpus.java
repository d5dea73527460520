package org.unionportal.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile corpus of {@link HostileSweepIT}, generated from a seed: for a route (and its request
 * schema in the portal's OpenAPI document, when it has one) a deterministic list of requests with
 * hostile path values, query parameters, headers and bodies. Nothing here calls the portal, so the
 * generator and the answer checks are unit-tested ({@code HostileCorpusTest}).
 *
 * <p>A body is either the route's request type filled with harmless, well-typed values (strings
 * {@code "x"}, numbers that are no record's id, dates in 1900) with <em>one</em> field replaced by a
 * hostile value, or a whole body that is hostile by itself (malformed JSON, a wrong top-level type,
 * bytes that are no UTF-8, nesting deeper than any parser should follow).
 */
final class HostileCorpus {

    private HostileCorpus() {
    }

    /** A number no record has as its id: harmless in a body that must not point at real records. */
    static final long NO_RECORD = 987_654_321L;

    /** Values for one JSON field, as raw JSON text (so that literals no Java type holds can be sent). */
    static final List<String> FIELD_VALUES = List.of(
            // numbers: negative, zero, past int and long, floating where integers belong
            "-1", "0", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1e309", "-0.5", "1.0000000000000001", "99999999999999999999999999999999",
            // strings: empty, blank, 100,000 characters, control characters and NUL, injection, paths, odd Unicode
            "\"\"", "\"   \"", "\"" + "a".repeat(100_000) + "\"", "\"" + "一".repeat(100_000) + "\"",
            "\"\\u0001\\u0007\\u001b[31mred\\u0008\\r\\n\"", "\"a\\u0000b\"", "\"' OR '1'='1\"",
            "\"'); DROP TABLE PORTAL_USER;--\"", "\"<script>alert(1)</script>\"", "\"../../../../etc/passwd\"",
            "\"%00%2e%2e%2f\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"\\ud800\"", "\"\\ud83d\\ude00\\u202e\"",
            "\"-1\"", "\"9223372036854775808\"", "\"NaN\"",
            // dates that do not exist or no calendar of the portal holds
            "\"2026-02-30\"", "\"0000-00-00\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"9999-12-31\"",
            "\"2026-13-01\"", "\"20260101\"", "20000", "\"2026-01-01T25:61:00\"",
            // wrong types, null inside lists, nesting, big lists
            "null", "true", "[]", "{}", "[null]", "[[[[[[[[[[1]]]]]]]]]]", "{\"$ne\":null}",
            "[" + "1,".repeat(20_000) + "1]");

    /** Whole bodies that are hostile by themselves. */
    static final List<byte[]> WHOLE_BODIES = List.of(
            utf8("{"), utf8("{\"a\":"), utf8("[1,2"), utf8("nul"), utf8("{\"a\":1,}"), utf8("{'a':1}"),
            utf8("{\"a\":1}{\"b\":2}"), utf8("[]"), utf8("\"text\""), utf8("123"), utf8("true"), utf8(""), utf8("   "),
            utf8("[" .repeat(50_000)), utf8("{\"a\":" .repeat(20_000)), utf8("\u0000\u0000"),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc0, '"', '}'},
            utf8("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"));

    /** Bodies of login and password changes: only what no parser takes, so no sign-in attempt is ever counted. */
    static final List<byte[]> UNPARSEABLE_BODIES = List.of(
            utf8("{"), utf8("{\"username\":"), utf8("[1,2"), utf8("nul"), utf8("{'a':1}"), utf8("[" .repeat(50_000)),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"'});

    /** Content types a JSON route does not take, and JSON under a charset that does not exist. */
    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=x-no-such-charset", "application/json; charset=UTF-16",
            "image/png", "*/*", ";;;");

    /**
     * Path parameter values, already as they go on the wire (percent-encoded where a client would encode). None
     * names a record that may exist: {@code 1;x} is record 1 to JAX-RS (matrix parameters are dropped).
     */
    static final List<String> PATH_VALUES = List.of("-1", "0", "9223372036854775808", "99999999999999999999999999", "abc", "1.5",
            "%2e%2e", "..%2F..%2Fportal%2Fusers", "%00", NO_RECORD + "%00", NO_RECORD + "%20OR%201=1", "%27", NO_RECORD + ";jsessionid=x",
            "%E4%B8%80", "%FF", "1e3", "0x10", "%20", NO_RECORD + "%2F2", "%3Cscript%3E", "99999", "-2147483649");

    /** Query parameter names every route is tried with, besides those the OpenAPI document lists for it. */
    static final List<String> QUERY_NAMES = List.of("page", "size", "limit", "year", "from", "to", "status", "q", "sort", "format",
            "lang", "batchId", "planId", "period", "kind", "fileName", "offset");

    /** Query values, already percent-encoded: out-of-range years, negative pages, huge limits, injection. */
    static final List<String> QUERY_VALUES = List.of("-1", "0", "-2147483649", "2147483648", "9223372036854775808", "99999", "10000000",
            "abc", "2026-02-30", "%00", "%27%20OR%201%3D1", "..%2F..%2F", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "", "1e9", "NaN",
            "%FF%FE", "a".repeat(3000), "%E4%B8%80".repeat(300), "1&page=2&page=-3");

    /** Accept-Language values and the language the portal must answer in. */
    static final Map<String, String> LANGUAGES = orderedLanguages();

    private static Map<String, String> orderedLanguages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zh-CN", "zh");
        m.put("en", "en");
        m.put("en-US,en;q=0.9", "en");
        m.put("zh-TW;q=0.2, en;q=0.8", "en");
        m.put("fr-FR", "zh");
        m.put(";;;q=abc,@@,", "zh");
        m.put("x".repeat(2000), "zh");
        m.put("en;q=NaN, zh;q=1", "zh");
        return m;
    }

    static final String EVIL_ORIGIN = "https://evil.example";

    /** One hostile request: path (with query), headers, and body (null: none). */
    record Request(String method, String path, Map<String, String> headers, byte[] body, String language, String what) {
        String describe() {
            return method + " " + Distribution.abbreviate(path, 160) + " [" + what + ", Accept-Language "
                    + Distribution.abbreviate(headers.getOrDefault("Accept-Language", ""), 20) + "]";
        }
    }

    /** What a route may be sent. */
    enum BodyRule {
        /** Any hostile body. */
        ANY,
        /** Only bodies no parser takes: sign-in and password routes, where a parsed body is a counted attempt. */
        UNPARSEABLE
    }

    /**
     * {@code count} requests for one route and caller, the same every run for the same seed.
     *
     * @param realValues path values of a real record, or null; used only when {@code mayUseRealIds}
     * @param schema     the request body's schema from the OpenAPI document (resolved), or null
     * @param queryNames query parameters the route documents
     */
    static List<Request> requests(long seed, RouteSweep.Route route, String caller, int count, Map<String, String> realValues,
                                  boolean mayUseRealIds, JsonNode schema, JsonNode components, List<String> queryNames,
                                  BodyRule rule) {
        Random random = new Random(seed ^ ((long) route.key().hashCode() << 16) ^ caller.hashCode());
        List<String> languages = List.copyOf(LANGUAGES.keySet());
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> what = new ArrayList<>();
            // the path: a real record's ids (reads, and callers refused anyway) or hostile values
            Map<String, String> values = new LinkedHashMap<>();
            boolean real = realValues != null && mayUseRealIds && random.nextInt(3) > 0;
            for (String parameter : route.parameters()) {
                values.put(parameter, real ? realValues.get(parameter) : pick(random, PATH_VALUES));
            }
            what.add(route.takesParameters() ? (real ? "real ids" : "path " + values.values()) : "no path parameters");
            StringBuilder path = new StringBuilder(route.fill(values));
            // hostile query parameters: always on reads, on every other write
            if (route.isRead() || random.nextBoolean()) {
                List<String> names = new ArrayList<>(queryNames);
                names.addAll(QUERY_NAMES);
                int n = 1 + random.nextInt(3);
                for (int q = 0; q < n; q++) {
                    path.append(q == 0 ? '?' : '&').append(pick(random, names)).append('=').append(pick(random, QUERY_VALUES));
                }
                what.add("query");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String language = pick(random, languages);
            headers.put("Accept-Language", language);
            headers.put("Accept", random.nextInt(4) == 0 ? "*/*" : "application/json, application/problem+json");
            if (random.nextInt(3) == 0) {
                headers.put("Origin", EVIL_ORIGIN);
                what.add("cross-origin");
            }
            if (random.nextInt(4) == 0) {
                headers.put("Cookie", "UPSESSION=" + "%00".repeat(random.nextInt(2) == 0 ? 300 : 2000) + "; other=" + "z".repeat(1500));
                what.add("huge cookie");
            }
            byte[] body = null;
            boolean wantsBody = !route.isRead() && !route.method().equals("DELETE");
            if (wantsBody || random.nextInt(5) == 0) {
                int kind = random.nextInt(10);
                String contentType = "application/json; charset=UTF-8";
                if (rule == BodyRule.UNPARSEABLE) {
                    body = pick(random, UNPARSEABLE_BODIES);
                    what.add("unparseable body");
                } else if (kind < 5 && schema != null && schema.path("properties").size() > 0) {
                    Map.Entry<String, byte[]> mutated = mutate(random, schema, components);
                    body = mutated.getValue();
                    what.add("field " + mutated.getKey());
                } else if (kind < 8) {
                    body = pick(random, WHOLE_BODIES);
                    what.add("whole body " + Distribution.abbreviate(new String(body, StandardCharsets.UTF_8), 12));
                } else {
                    body = schema == null ? utf8("{\"a\":1}") : utf8(baseline(schema, components, 0).toString());
                    contentType = pick(random, WRONG_CONTENT_TYPES);
                    what.add("content type " + contentType);
                }
                headers.put("Content-Type", contentType);
            }
            requests.add(new Request(route.method(), path.toString(), headers, body, LANGUAGES.get(language), String.join(", ", what)));
        }
        return requests;
    }

    /** A body over the portal's limit of one mebibyte. */
    static byte[] oversized() {
        byte[] big = new byte[1024 * 1024 + 64 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        byte[] prefix = utf8("{\"a\":\"");
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        return big;
    }

    /** The schema filled with harmless values, one top-level field (or a field of its first list element) replaced. */
    static Map.Entry<String, byte[]> mutate(Random random, JsonNode schema, JsonNode components) {
        ObjectNode body = (ObjectNode) baseline(schema, components, 0);
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        String field = pick(random, fields);
        ObjectNode owner = body;
        String shown = field;
        JsonNode value = body.get(field);
        if (value instanceof ArrayNode list && list.size() > 0 && list.get(0) instanceof ObjectNode element
                && element.size() > 0 && random.nextBoolean()) {
            List<String> inner = new ArrayList<>();
            element.fieldNames().forEachRemaining(inner::add);
            owner = element;
            field = pick(random, inner);
            shown = shown + "[0]." + field;
        }
        String marker = "__HOSTILE_" + random.nextInt(1_000_000) + "__";
        owner.put(field, marker);
        String hostile = pick(random, FIELD_VALUES);
        String text = body.toString().replace("\"" + marker + "\"", hostile);
        return Map.entry(shown + "=" + Distribution.abbreviate(hostile, 24), utf8(text));
    }

    /** Well-typed, harmless values for a schema: "x", {@link #NO_RECORD}, 1900-01-01, an enum's first constant. */
    static JsonNode baseline(JsonNode schema, JsonNode components, int depth) {
        JsonNode s = resolve(schema, components);
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                ObjectNode object = Api.JSON.createObjectNode();
                if (depth < 4) {
                    Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> p = properties.next();
                        object.set(p.getKey(), baseline(p.getValue(), components, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = Api.JSON.createArrayNode();
                if (depth < 4) {
                    array.add(baseline(s.path("items"), components, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return s.path("format").asText().equals("int32") ? Api.JSON.getNodeFactory().numberNode(98_765)
                        : Api.JSON.getNodeFactory().numberNode(NO_RECORD);
            }
            case "number" -> {
                return Api.JSON.getNodeFactory().numberNode(98_765);
            }
            case "boolean" -> {
                return Api.JSON.getNodeFactory().booleanNode(false);
            }
            default -> {
                if (s.path("enum").isArray() && s.path("enum").size() > 0) {
                    return s.path("enum").get(0);
                }
                return switch (s.path("format").asText()) {
                    case "date" -> Api.JSON.getNodeFactory().textNode("1900-01-01");
                    case "date-time" -> Api.JSON.getNodeFactory().textNode("1900-01-01T00:00:00Z");
                    default -> Api.JSON.getNodeFactory().textNode("x");
                };
            }
        }
    }

    /** A {@code $ref} to {@code #/components/schemas/X} followed (also through allOf of one). */
    static JsonNode resolve(JsonNode schema, JsonNode components) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s != null; i++) {
            if (s.has("$ref")) {
                String ref = s.path("$ref").asText();
                s = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (s.path("allOf").size() == 1) {
                s = s.path("allOf").get(0);
            } else {
                break;
            }
        }
        return s == null ? Api.JSON.createObjectNode() : s;
    }

    // ------------------------------------------------------------------------------------ answer checks

    /** Three words in a row, spaced as a sentence is: a list of codes or field names ("YEAR, MEDICAL") is none. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("[A-Za-z]{2,}(?:[ '-]+[A-Za-z]{2,}){2,}");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|org\\.apache|org\\.eclipse|org\\.osgi|org\\.unionportal|com\\.fasterxml|org\\.postgresql)\\.[a-z][\\w$]*\\.");

    /**
     * Why a problem message is not in the one language asked for, or null: a Chinese answer has no run of
     * three English words (codes, units, field names and one-word media types stay allowed), an English
     * answer no Chinese character — except what the request itself said ({@code echoed}).
     */
    static String languageProblem(String message, String language, String echoed) {
        if (language.equals("zh")) {
            Matcher m = ENGLISH_WORDS.matcher(message);
            while (m.find()) {
                if (!echoed.contains(m.group())) {
                    return "English words in a Chinese answer: '" + m.group() + "'";
                }
            }
            return null;
        }
        Matcher m = HAN_RUN.matcher(message);
        while (m.find()) {
            if (!echoed.contains(m.group())) {
                return "Chinese in an English answer: '" + m.group() + "'";
            }
        }
        return null;
    }

    /** Why a 4xx/5xx body shows the server's insides, or null: HTML, an exception's name, a stack trace, a Java class. */
    static String internalsProblem(String body) {
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("<html") || lower.contains("<!doctype") || lower.contains("<body")) {
            return "HTML";
        }
        if (body.contains("Exception") || body.contains("Throwable")) {
            return "an exception's name";
        }
        if (body.contains("\tat ") || body.contains("at org.") || body.contains("at java.")) {
            return "a stack trace";
        }
        Matcher m = JAVA_NAME.matcher(body);
        return m.find() ? "a Java class name (" + m.group() + ")" : null;
    }

    /** The secrets of {@code secrets} that {@code text} shows. */
    static Set<String> shown(String text, Set<String> secrets) {
        Set<String> shown = new TreeSet<>();
        for (String secret : secrets) {
            if (text.contains(secret)) {
                shown.add(secret);
            }
        }
        return shown;
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
