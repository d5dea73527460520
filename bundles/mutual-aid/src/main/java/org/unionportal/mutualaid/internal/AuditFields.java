package org.unionportal.mutualaid.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field maps for the portal's audit trail (nulls allowed, unlike Map.of). */
public final class AuditFields {
    public static final String MODULE = "mutual-aid";

    private AuditFields() {
    }

    /** {@code of("status", "PAID", "approvedFen", null)}: names and values in turn. */
    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return fields;
    }
}
