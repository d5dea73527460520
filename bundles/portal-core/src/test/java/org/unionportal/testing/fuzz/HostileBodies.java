package org.unionportal.testing.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile request bodies for a request type: {@link #forRecord} derives them from the record's components alone
 * (ordinary values with one or two fields hostile or missing); {@link #mutating} starts from a valid example body and
 * changes one field at a time (at any depth), so the hostile value gets past the other checks to the code behind.
 * Drawn from a seeded {@link java.util.Random} ({@link Gen}); no shrinking, as a body is one change from a valid one.
 */
public final class HostileBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Stands for "leave the field out". */
    private static final JsonNode MISSING = MissingNode.getInstance();

    private HostileBodies() {
    }

    /** Bodies of the record type {@code type}: plausible values, one or two fields hostile or missing, or a wrong body. */
    public static Gen<String> forRecord(Class<?> type) {
        return Gen.weighted(
                Gen.weight(8, objectsOf(type).map(HostileBodies::write)),
                Gen.weight(1, wholeBodies()));
    }

    /**
     * {@code validExample} (a JSON object the request type {@code type} accepts) with one field replaced by a hostile
     * value for its declared type, or left out, or an unknown field added. Nested objects and list elements count as
     * fields of their own.
     */
    public static Gen<String> mutating(Class<?> type, String validExample) {
        JsonNode example = read(validExample);
        List<Field> fields = new ArrayList<>();
        collect(example, type, new ArrayList<>(), fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("The example has no fields to change: " + validExample);
        }
        Gen<String> oneField = Gen.of(fields).flatMap(field -> Gen.weighted(
                        Gen.weight(9, HostileValues.forType(field.type())),
                        Gen.weight(1, Gen.just(MISSING)))
                .map(value -> write(replaced(example, field.path(), value))));
        Gen<String> unknownField = HostileValues.any().map(value -> {
            ObjectNode copy = example.deepCopy();
            copy.set("notAField", value);
            return write(copy);
        });
        return Gen.weighted(
                Gen.weight(18, oneField),
                Gen.weight(1, unknownField),
                Gen.weight(1, wholeBodies()));
    }

    /** {@link #mutating(Class, String)} from a valid request object, written by the portal's JSON provider. */
    public static Gen<String> mutating(Object validRequest) {
        return mutating(validRequest.getClass(), RequestFuzz.write(validRequest));
    }

    /** Not an object of the type at all: an array, a number, null, an empty object, deep nesting, broken JSON. */
    static Gen<String> wholeBodies() {
        return Gen.oneOf(
                Gen.oneOf(HostileValues.wrongShapes(), HostileValues.numbers()).map(HostileBodies::write),
                Gen.of("{}", "", " ", "{", "{\"a\":", "[" .repeat(5_000) + "]".repeat(5_000), "{}{}", "{} x",
                        "\ufeff{}", "{\"a\":1,\"a\":2}", "nul", "'single'", "{a:1}", "\u0000"));
    }

    /** Objects of a record type with one or two components hostile (or missing) and the others plausible. */
    static Gen<JsonNode> objectsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length == 0) {
            return Gen.just(F.objectNode());
        }
        Gen<ObjectNode> plausible = plausibleObjectsOf(type);
        return r -> {
            ObjectNode o = plausible.next(r).deepCopy();
            RecordComponent first = components[r.nextInt(components.length)];
            RecordComponent second = components[r.nextInt(components.length)];
            set(o, first.getName(), hostileOrMissing(first.getGenericType()).next(r));
            if (r.nextBoolean()) {
                set(o, second.getName(), hostileOrMissing(second.getGenericType()).next(r));
            }
            return o;
        };
    }

    private static Gen<JsonNode> hostileOrMissing(Type type) {
        return Gen.weighted(Gen.weight(9, HostileValues.forType(type)),
                Gen.weight(1, Gen.just(MISSING)));
    }

    /** Objects of a record type with a plausible value in every component. */
    static Gen<ObjectNode> plausibleObjectsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        RecordComponent[] all = components == null ? new RecordComponent[0] : components;
        return r -> {
            ObjectNode o = F.objectNode();
            for (RecordComponent c : all) {
                o.set(c.getName(), HostileValues.plausibleFor(c.getGenericType()).next(r));
            }
            return o;
        };
    }

    private static void set(ObjectNode o, String name, JsonNode value) {
        if (value.isMissingNode()) {
            o.remove(name);
        } else {
            o.set(name, value);
        }
    }

    /** A field of the example: where it is (names and list indexes) and its declared Java type. */
    record Field(List<Object> path, Type type) {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    private static void collect(JsonNode node, Type type, List<Object> path, List<Field> into) {
        Class<?> raw = HostileValues.raw(type);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                Type fieldType = HostileValues.componentType(raw, name);
                List<Object> p = new ArrayList<>(path);
                p.add(name);
                Type t = fieldType == null ? Object.class : fieldType;
                into.add(new Field(p, t));
                collect(node.get(name), t, p, into);
            });
        } else if (node.isArray()) {
            Type element = HostileValues.element(type);
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                into.add(new Field(p, element));
                collect(node.get(i), element, p, into);
            }
        }
    }

    private static JsonNode replaced(JsonNode example, List<Object> path, JsonNode value) {
        JsonNode copy = example.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            set(o, (String) last, value);
        } else if (parent instanceof ArrayNode a) {
            int index = (Integer) last;
            if (value.isMissingNode()) {
                a.remove(index);
            } else {
                a.set(index, value);
            }
        }
        return copy;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
