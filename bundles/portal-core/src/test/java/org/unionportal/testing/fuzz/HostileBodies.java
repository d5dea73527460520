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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile request bodies for a request type: {@link #forRecord} derives them from the record's components alone
 * (ordinary values with one or two fields hostile or missing); {@link #mutating} starts from a valid example body and
 * changes one field at a time (at any depth), so the hostile value gets past the other checks to the code behind.
 */
public final class HostileBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Stands for "leave the field out". */
    private static final JsonNode MISSING = MissingNode.getInstance();

    private HostileBodies() {
    }

    /** Bodies of the record type {@code type}: plausible values, one or two fields hostile or missing, or a wrong body. */
    public static Arbitrary<String> forRecord(Class<?> type) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, objectsOf(type).map(HostileBodies::write)),
                net.jqwik.api.Tuple.of(1, wholeBodies()));
    }

    /**
     * {@code validExample} (a JSON object the request type {@code type} accepts) with one field replaced by a hostile
     * value for its declared type, or left out, or an unknown field added. Nested objects and list elements count as
     * fields of their own.
     */
    public static Arbitrary<String> mutating(Class<?> type, String validExample) {
        JsonNode example = read(validExample);
        List<Field> fields = new ArrayList<>();
        collect(example, type, new ArrayList<>(), fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("The example has no fields to change: " + validExample);
        }
        Arbitrary<String> oneField = Arbitraries.of(fields).flatMap(field -> Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(9, HostileValues.forType(field.type())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(MISSING)))
                .map(value -> write(replaced(example, field.path(), value))));
        Arbitrary<String> unknownField = HostileValues.any().map(value -> {
            ObjectNode copy = example.deepCopy();
            copy.set("notAField", value);
            return write(copy);
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(18, oneField),
                net.jqwik.api.Tuple.of(1, unknownField),
                net.jqwik.api.Tuple.of(1, wholeBodies()));
    }

    /** {@link #mutating(Class, String)} from a valid request object, written by the portal's JSON provider. */
    public static Arbitrary<String> mutating(Object validRequest) {
        return mutating(validRequest.getClass(), RequestFuzz.write(validRequest));
    }

    /** Not an object of the type at all: an array, a number, null, an empty object, deep nesting, broken JSON. */
    static Arbitrary<String> wholeBodies() {
        return Arbitraries.oneOf(
                Arbitraries.oneOf(HostileValues.wrongShapes(), HostileValues.numbers()).map(HostileBodies::write),
                Arbitraries.of("{}", "", " ", "{", "{\"a\":", "[" .repeat(5_000) + "]".repeat(5_000), "{}{}", "{} x",
                        "\ufeff{}", "{\"a\":1,\"a\":2}", "nul", "'single'", "{a:1}", "\u0000"));
    }

    /** Objects of a record type with one or two components hostile (or missing) and the others plausible. */
    static Arbitrary<JsonNode> objectsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length == 0) {
            return Arbitraries.just(F.objectNode());
        }
        Arbitrary<ObjectNode> plausible = plausibleObjectsOf(type);
        Arbitrary<Integer> which = Arbitraries.integers().between(0, components.length - 1);
        return Combinators.combine(plausible, which, which).flatAs((object, first, second) ->
                Combinators.combine(hostileOrMissing(components[first].getGenericType()),
                                hostileOrMissing(components[second].getGenericType()), Arbitraries.of(true, false))
                        .as((a, b, both) -> {
                            ObjectNode o = object.deepCopy();
                            set(o, components[first].getName(), a);
                            if (both) {
                                set(o, components[second].getName(), b);
                            }
                            return (JsonNode) o;
                        }));
    }

    private static Arbitrary<JsonNode> hostileOrMissing(Type type) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, HostileValues.forType(type)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(MISSING)));
    }

    /** Objects of a record type with a plausible value in every component. */
    static Arbitrary<ObjectNode> plausibleObjectsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Arbitrary<ObjectNode> result = Arbitraries.just(F.objectNode());
        for (RecordComponent c : components == null ? new RecordComponent[0] : components) {
            Arbitrary<ObjectNode> before = result;
            result = before.flatMap(o -> HostileValues.plausibleFor(c.getGenericType()).map(v -> {
                ObjectNode copy = o.deepCopy();
                copy.set(c.getName(), v);
                return copy;
            }));
        }
        return result;
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
