package org.unionportal.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The before/after field maps of an {@link AuditEntry}: names and values in turn, in that order, nulls allowed
 * (unlike {@code Map.of}), so a field that is empty is still recorded as empty.
 */
public final class AuditFields {
    private AuditFields() {
    }

    /**
     * {@code of("status", "PAID", "approvedFen", null)}: a new map the caller may add to (e.g. the id of the version
     * a new record replaces).
     *
     * @throws IllegalArgumentException when a name has no value (an odd count) or a name is null or repeated
     */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values in turn, got an odd count: " + namesAndValues.length);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i] == null) {
                throw new IllegalArgumentException("field name " + i / 2 + " is null");
            }
            String name = namesAndValues[i].toString();
            if (fields.containsKey(name)) {
                throw new IllegalArgumentException("field " + name + " given twice");
            }
            fields.put(name, namesAndValues[i + 1]);
        }
        return fields;
    }
}
