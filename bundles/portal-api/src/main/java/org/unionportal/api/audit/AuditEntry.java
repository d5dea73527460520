package org.unionportal.api.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One change to record.
 *
 * @param module     the module id, or {@code portal} for the core (at most 40 characters)
 * @param recordType the kind of record, e.g. {@code claim} (at most 40 characters)
 * @param recordId   the record's id as text (at most 100 characters)
 * @param action     what was done, a stable code such as {@code CREATE}, {@code UPDATE}, {@code DELETE},
 *                   {@code APPROVE}, {@code LOGIN} (at most 60 characters)
 * @param orgPath    the organisation path of the record, so that administrators of its subtree see it
 * @param actor      who did it
 * @param before     the record's fields before (empty for a new record); values are JSON-friendly (text,
 *                   numbers, booleans, dates as text). Only the fields that differ from {@code after} are kept.
 *                   Never put passwords, tokens or document contents here.
 * @param after      the fields after (empty for a deleted record)
 */
public record AuditEntry(String module, String recordType, String recordId, String action, String orgPath, Actor actor,
                         Map<String, ?> before, Map<String, ?> after) {
    public AuditEntry {
        require(module, 40, "module");
        require(recordType, 40, "recordType");
        require(recordId, 100, "recordId");
        require(action, 60, "action");
        require(orgPath, 400, "orgPath");
        Objects.requireNonNull(actor, "actor");
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    /** An entry without before/after, e.g. a sign-in. */
    public static AuditEntry of(String module, String recordType, Object recordId, String action, String orgPath, Actor actor) {
        return new AuditEntry(module, recordType, String.valueOf(recordId), action, orgPath, actor, Map.of(), Map.of());
    }

    /** The same entry with what the record was and is. */
    public AuditEntry changes(Map<String, ?> before, Map<String, ?> after) {
        return new AuditEntry(module, recordType, recordId, action, orgPath, actor, before, after);
    }

    private static void require(String value, int max, String name) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters: " + value);
        }
    }
}
