package org.unionportal.mutualaid.internal.reminders;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionportal.api.db.Jdbc;

/** The SQL of the reminder outbox ({@code MA_REMINDER}). */
public final class Outbox {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final Set<String> STATUSES = Set.of(PENDING, SENT, FAILED);

    private static final String COLUMNS = "ID, KIND, MEMBER_ID, ORG_PATH, PHONE, MESSAGE, STATUS, ATTEMPTS, LAST_ERROR, "
            + "CREATED_AT, SENT_AT, SENDER";

    private Outbox() {
    }

    /** One outbox row as stored (the phone in full: mask it before showing it to anyone). */
    public record Row(long id, String kind, long memberId, String orgPath, String phone, String message, String status,
                      int attempts, String lastError, Instant createdAt, Instant sentAt, String sender) {
    }

    /** Up to {@code limit} pending reminders with an id above {@code afterId}, oldest first. */
    static List<Row> pending(Connection c, long afterId, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM MA_REMINDER WHERE STATUS = 'PENDING' AND ID > ? ORDER BY ID "
                + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", Outbox::map, afterId);
    }

    /** PENDING to SENT; false when the row is no longer pending (another dispatcher got there first). */
    static boolean markSent(Connection c, long id, String sender, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE MA_REMINDER SET STATUS = 'SENT', SENT_AT = ?, SENDER = ? WHERE ID = ? AND STATUS = 'PENDING'",
                at, Reminders.cut(sender, Reminders.MAX_SENDER), id) == 1;
    }

    /**
     * Counts a failed attempt of a pending reminder and keeps the error; after {@code maxAttempts}
     * the reminder is FAILED. Answers the row's status afterwards ({@code null} when it was not pending).
     */
    static String markAttemptFailed(Connection c, long id, String error, int maxAttempts) throws SQLException {
        if (Jdbc.update(c, "UPDATE MA_REMINDER SET ATTEMPTS = ATTEMPTS + 1, LAST_ERROR = ? WHERE ID = ? AND STATUS = 'PENDING'",
                Reminders.cut(error, Reminders.MAX_ERROR), id) != 1) {
            return null;
        }
        return Jdbc.update(c, "UPDATE MA_REMINDER SET STATUS = 'FAILED' WHERE ID = ? AND STATUS = 'PENDING' AND ATTEMPTS >= ?",
                id, maxAttempts) == 1 ? FAILED : PENDING;
    }

    /** Reminders of a subtree, optionally of one status and one kind, newest first. */
    public static List<Row> list(Connection c, String subtreePattern, String status, String kind, long offset, int limit)
            throws SQLException {
        Filter f = filter(subtreePattern, status, kind);
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM MA_REMINDER " + f.where() + " ORDER BY ID DESC OFFSET "
                + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", Outbox::map, f.params());
    }

    public static long count(Connection c, String subtreePattern, String status, String kind) throws SQLException {
        Filter f = filter(subtreePattern, status, kind);
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_REMINDER " + f.where(), f.params());
    }

    /** PENDING, SENT and FAILED (always all three, 0 when none) with their counts. */
    public static Map<String, Long> countsByStatus(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(PENDING, 0L);
        counts.put(SENT, 0L);
        counts.put(FAILED, 0L);
        for (Object[] r : Jdbc.list(c, "SELECT STATUS, COUNT(*) FROM MA_REMINDER GROUP BY STATUS",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            counts.put((String) r[0], (Long) r[1]);
        }
        return counts;
    }

    /** The last {@code n} reminders of the whole tree, newest first. */
    public static List<Row> latest(Connection c, int n) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM MA_REMINDER ORDER BY ID DESC FETCH FIRST " + Math.max(1, n)
                + " ROWS ONLY", Outbox::map);
    }

    private record Filter(String where, Object[] params) {
    }

    private static Filter filter(String subtreePattern, String status, String kind) {
        StringBuilder where = new StringBuilder("WHERE ORG_PATH LIKE ?");
        List<Object> params = new ArrayList<>(List.of(subtreePattern));
        if (status != null) {
            where.append(" AND STATUS = ?");
            params.add(status);
        }
        if (kind != null) {
            where.append(" AND KIND = ?");
            params.add(kind);
        }
        return new Filter(where.toString(), params.toArray());
    }

    static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("ID"), rs.getString("KIND"), rs.getLong("MEMBER_ID"), rs.getString("ORG_PATH"),
                rs.getString("PHONE"), rs.getString("MESSAGE"), rs.getString("STATUS"), rs.getInt("ATTEMPTS"),
                rs.getString("LAST_ERROR"), instant(rs.getTimestamp("CREATED_AT")), instant(rs.getTimestamp("SENT_AT")),
                rs.getString("SENDER"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
