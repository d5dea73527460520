package org.unionportal.core.internal.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.RowInserter;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/** The SQL of the audit trail ({@code PORTAL_AUDIT_ENTRY}). */
public final class AuditStore {
    private static final String COLUMNS = "ID, OCCURRED_AT, USER_ID, USERNAME, MODULE, RECORD_TYPE, RECORD_ID, ACTION, ORG_PATH, "
            + "BEFORE_JSON, AFTER_JSON";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditStore() {
    }

    /** One entry as stored. */
    public record Row(long id, Instant occurredAt, Long userId, String username, String module, String recordType,
                      String recordId, String action, String orgPath, String beforeJson, String afterJson) {
    }

    /**
     * What an administrator looks for. {@code scope} is always set (the caller's subtree); the rest
     * narrow it when not null: one record (module, type, id), one user, one action, a time range.
     */
    public record Filter(DataScope scope, String module, String recordType, String recordId, String username,
                         String action, Instant from, Instant until) {
    }

    /** Entries whose change JSON is made and held at once by {@link PortalAuditTrail#recordAll} (heap, not round trips). */
    static final int BATCH_CHUNK = 500;

    /** One entry to insert: an {@link org.unionportal.api.audit.AuditEntry} with its changes as JSON. */
    record NewRow(Long userId, String username, String module, String recordType, String recordId, String action,
                  String orgPath, AuditChanges.Json changes) {
    }

    static void insert(Connection c, Instant at, NewRow row) throws SQLException {
        insertAll(c, at, List.of(row));
    }

    /**
     * The entries in order, many rows per statement ({@link RowInserter}: on Derby a JDBC batch is one execution per
     * row, each opening the table and its four indexes), on the caller's connection and transaction.
     */
    static void insertAll(Connection c, Instant at, List<NewRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp occurredAt = Timestamp.from(at);
        try (RowInserter insert = RowInserter.into(c, "PORTAL_AUDIT_ENTRY", "OCCURRED_AT", "USER_ID", "USERNAME", "MODULE",
                "RECORD_TYPE", "RECORD_ID", "ACTION", "ORG_PATH", "BEFORE_JSON", "AFTER_JSON")) {
            for (NewRow r : rows) {
                insert.add(occurredAt, r.userId(), cut(r.username(), 100), r.module(), r.recordType(), r.recordId(),
                        r.action(), r.orgPath(), r.changes().before(), r.changes().after());
            }
        }
    }

    /** Entries newest first. */
    public static List<Row> list(Connection c, Filter filter, long offset, int limit) throws SQLException {
        Where w = where(filter);
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM PORTAL_AUDIT_ENTRY " + w.sql() + " ORDER BY ID DESC OFFSET "
                + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", AuditStore::map, w.params());
    }

    /**
     * Every entry of one record, oldest first, wherever in the tree it was written (a transfer moves a record
     * between subtrees): for a record's own history, after the caller's right to see the record was checked.
     */
    public static List<Row> ofRecord(Connection c, String module, String recordType, String recordId) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM PORTAL_AUDIT_ENTRY WHERE MODULE = ? AND RECORD_TYPE = ? AND RECORD_ID = ?"
                + " ORDER BY ID", AuditStore::map, module, recordType, recordId);
    }

    /** The fields of a BEFORE_JSON / AFTER_JSON value; empty for none, {@code _raw} for text that is not a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fields(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json.getBytes(StandardCharsets.UTF_8), Map.class);
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of("_raw", json);
        }
    }

    public static long count(Connection c, Filter filter) throws SQLException {
        Where w = where(filter);
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_AUDIT_ENTRY " + w.sql(), w.params());
    }

    private static Where where(Filter f) {
        return f.scope().where("ORG_PATH")
                .andIfPresent("MODULE = ?", f.module())
                .andIfPresent("RECORD_TYPE = ?", f.recordType())
                .andIfPresent("RECORD_ID = ?", f.recordId())
                .andIfPresent("USERNAME = ?", f.username())
                .andIfPresent("ACTION = ?", f.action())
                .andIfPresent("OCCURRED_AT >= ?", f.from() == null ? null : Timestamp.from(f.from()))
                .andIfPresent("OCCURRED_AT < ?", f.until() == null ? null : Timestamp.from(f.until()));
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("ID"), rs.getTimestamp("OCCURRED_AT").toInstant(), Jdbc.longOrNull(rs, "USER_ID"),
                rs.getString("USERNAME"), rs.getString("MODULE"), rs.getString("RECORD_TYPE"), rs.getString("RECORD_ID"),
                rs.getString("ACTION"), rs.getString("ORG_PATH"), rs.getString("BEFORE_JSON"), rs.getString("AFTER_JSON"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
