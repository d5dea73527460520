package org.unionportal.core.internal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between a record's fields before and after a write: only the fields whose values differ, as two
 * JSON objects of at most {@value #MAX_JSON} characters each. Pure functions.
 */
final class AuditChanges {
    static final int MAX_JSON = 8000;
    static final int MAX_VALUE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The changed fields before and after, as JSON, or null for an empty side. */
    record Json(String before, String after) {
    }

    private AuditChanges() {
    }

    static Json of(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object old = plain(before.get(key));
            Object now = plain(after.get(key));
            if (Objects.equals(old, now)) {
                continue;
            }
            if (before.containsKey(key)) {
                b.put(key, old);
            }
            if (after.containsKey(key)) {
                a.put(key, now);
            }
        }
        return new Json(json(b), json(a));
    }

    /**
     * A value as JSON keeps it: text, whole numbers as longs (so that 5 and 5L are the same), other numbers,
     * booleans; anything else (dates, enums) as its text, cut to {@value #MAX_VALUE} characters.
     */
    static Object plain(Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
    }

    private static String json(Map<String, Object> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        try {
            String text = JSON.writeValueAsString(fields);
            if (text.length() <= MAX_JSON) {
                return text;
            }
            // too much to keep: the names of the changed fields only
            return JSON.writeValueAsString(Map.of("_truncated", true, "fields", fields.keySet()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
