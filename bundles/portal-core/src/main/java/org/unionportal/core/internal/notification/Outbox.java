package org.unionportal.core.internal.notification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.notification.Delivery;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Recipient;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/** The SQL of the notification outbox ({@code PORTAL_NOTIFICATION}). */
public final class Outbox {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final Set<String> STATUSES = Set.of(PENDING, SENT, FAILED);
    /** A message whose sender failed this often is marked {@code FAILED}. */
    public static final int MAX_ATTEMPTS = 5;
    static final int MAX_ERROR = 500;
    static final int MAX_SENDER = 100;

    private static final String COLUMNS = "ID, MODULE, KIND, DEDUP_KEY, RECIPIENT_KIND, RECIPIENT_REF, ORG_PATH, PHONE, LANGUAGE, "
            + "TEXT_ZH, TEXT_EN, STATUS, ATTEMPTS, LAST_ERROR, CREATED_AT, SENT_AT, SENDER";

    private Outbox() {
    }

    /** One outbox row as stored (the phone in full: mask it before showing it to anyone). */
    public record Row(long id, String module, String kind, String dedupKey, Recipient recipient, String orgPath, String phone,
                      Language language, Text text, String status, int attempts, String lastError, Instant createdAt,
                      Instant sentAt, String sender) {
        /** The text in the language it is sent in. */
        public String message() {
            return text.in(language);
        }
    }

    static boolean exists(Connection c, String module, String dedupKey) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_NOTIFICATION WHERE MODULE = ? AND DEDUP_KEY = ?", module, dedupKey) > 0;
    }

    /**
     * Inserts the message unless its key is there; a unique violation (the same key queued concurrently)
     * is rolled back to a savepoint so that the caller's transaction goes on.
     */
    static boolean insert(Connection c, Notification n, Delivery d) throws SQLException {
        if (exists(c, n.module(), n.dedupKey())) {
            return false;
        }
        String phone = n.recipient().phone();
        if (phone == null && n.recipient().kind() == Recipient.Kind.USER) {
            phone = userPhone(c, Long.parseLong(n.recipient().reference())).orElse(null);
        }
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            Jdbc.update(c, "INSERT INTO PORTAL_NOTIFICATION (MODULE, KIND, DEDUP_KEY, RECIPIENT_KIND, RECIPIENT_REF, ORG_PATH, PHONE, "
                            + "LANGUAGE, TEXT_ZH, TEXT_EN, STATUS, ATTEMPTS, LAST_ERROR, CREATED_AT, SENT_AT, SENDER) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    n.module(), n.kind(), n.dedupKey(), n.recipient().kind(), n.recipient().reference(), n.orgPath(),
                    cut(phone, 20), n.language(), cut(n.text().zh().strip(), Notification.MAX_TEXT),
                    cut(n.text().en().strip(), Notification.MAX_TEXT), d.status(), d.attempts(), cut(d.lastError(), MAX_ERROR),
                    Timestamp.from(d.createdAt()), d.sentAt() == null ? null : Timestamp.from(d.sentAt()), cut(d.sender(), MAX_SENDER));
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            return false;
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
        return true;
    }

    private static Optional<String> userPhone(Connection c, long userId) throws SQLException {
        return Jdbc.one(c, "SELECT PHONE FROM PORTAL_USER WHERE ID = ?", rs -> rs.getString(1), userId);
    }

    /** Up to {@code limit} pending messages with an id above {@code afterId}, oldest first. */
    static List<Row> pending(Connection c, long afterId, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM PORTAL_NOTIFICATION WHERE STATUS = 'PENDING' AND ID > ? ORDER BY ID "
                + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", Outbox::map, afterId);
    }

    /**
     * Claims a pending message for {@code holder} until {@code until}: one conditional UPDATE, so of several nodes
     * (or threads) exactly one gets it, on Derby and PostgreSQL alike. A message is claimable when it is pending
     * and its claim (or its wait after a failed attempt) has run out.
     */
    static boolean claim(Connection c, long id, String holder, Instant now, Instant until) throws SQLException {
        return Jdbc.update(c, "UPDATE PORTAL_NOTIFICATION SET CLAIMED_BY = ?, CLAIMED_UNTIL = ? WHERE ID = ? AND STATUS = 'PENDING' "
                + "AND (CLAIMED_UNTIL IS NULL OR CLAIMED_UNTIL <= ?)", cut(holder, 200), Timestamp.from(until), id, Timestamp.from(now)) == 1;
    }

    /** PENDING to SENT; false when the row is no longer pending (another dispatcher got there first). */
    static boolean markSent(Connection c, long id, String sender, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE PORTAL_NOTIFICATION SET STATUS = 'SENT', SENT_AT = ?, SENDER = ? WHERE ID = ? AND STATUS = 'PENDING'",
                Timestamp.from(at), cut(sender, MAX_SENDER), id) == 1;
    }

    /**
     * Counts a failed attempt of a pending message and keeps the error; after {@code maxAttempts} the message
     * is FAILED. Answers the row's status afterwards ({@code null} when it was not pending).
     */
    static String markAttemptFailed(Connection c, long id, String error, int maxAttempts) throws SQLException {
        if (Jdbc.update(c, "UPDATE PORTAL_NOTIFICATION SET ATTEMPTS = ATTEMPTS + 1, LAST_ERROR = ? WHERE ID = ? AND STATUS = 'PENDING'",
                cut(error, MAX_ERROR), id) != 1) {
            return null;
        }
        return Jdbc.update(c, "UPDATE PORTAL_NOTIFICATION SET STATUS = 'FAILED' WHERE ID = ? AND STATUS = 'PENDING' AND ATTEMPTS >= ?",
                id, maxAttempts) == 1 ? FAILED : PENDING;
    }

    /** The attempts made so far (after a failure: to choose the wait). */
    static int attempts(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT ATTEMPTS FROM PORTAL_NOTIFICATION WHERE ID = ?", rs -> rs.getInt(1), id).orElse(0);
    }

    /** A failed message waits until {@code notBefore} on every node: its claim is simply kept until then. */
    static void waitUntil(Connection c, long id, Instant notBefore) throws SQLException {
        Jdbc.update(c, "UPDATE PORTAL_NOTIFICATION SET CLAIMED_UNTIL = ? WHERE ID = ? AND STATUS = 'PENDING'", Timestamp.from(notBefore), id);
    }

    /** What an administrator filters the outbox by: always the caller's subtree ({@code scope}); the other nulls mean any. */
    public record Filter(DataScope scope, String module, String status, String kind) {
    }

    /** Messages of a subtree, newest first. */
    public static List<Row> list(Connection c, Filter filter, long offset, int limit) throws SQLException {
        Where w = where(filter);
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM PORTAL_NOTIFICATION " + w.sql() + " ORDER BY ID DESC OFFSET "
                + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", Outbox::map, w.params());
    }

    public static long count(Connection c, Filter filter) throws SQLException {
        Where w = where(filter);
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_NOTIFICATION " + w.sql(), w.params());
    }

    /** PENDING, SENT and FAILED (always all three, 0 when none) with their counts, of the whole portal. */
    public static Map<String, Long> countsByStatus(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(PENDING, 0L);
        counts.put(SENT, 0L);
        counts.put(FAILED, 0L);
        for (Object[] r : Jdbc.list(c, "SELECT STATUS, COUNT(*) FROM PORTAL_NOTIFICATION GROUP BY STATUS",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            counts.put((String) r[0], (Long) r[1]);
        }
        return counts;
    }

    private static Where where(Filter f) {
        return f.scope().where("ORG_PATH")
                .andIfPresent("MODULE = ?", f.module())
                .andIfPresent("STATUS = ?", f.status())
                .andIfPresent("KIND = ?", f.kind());
    }

    static Row map(ResultSet rs) throws SQLException {
        Recipient.Kind kind = Recipient.Kind.valueOf(rs.getString("RECIPIENT_KIND"));
        String phone = rs.getString("PHONE");
        Recipient recipient = kind == Recipient.Kind.PHONE && (phone == null || phone.isBlank())
                ? new Recipient(Recipient.Kind.PHONE, null, "?")
                : new Recipient(kind, rs.getString("RECIPIENT_REF"), phone);
        return new Row(rs.getLong("ID"), rs.getString("MODULE"), rs.getString("KIND"), rs.getString("DEDUP_KEY"), recipient,
                rs.getString("ORG_PATH"), phone, "EN".equals(rs.getString("LANGUAGE")) ? Language.EN : Language.ZH,
                Text.of(rs.getString("TEXT_ZH"), rs.getString("TEXT_EN")), rs.getString("STATUS"), rs.getInt("ATTEMPTS"),
                rs.getString("LAST_ERROR"), instant(rs.getTimestamp("CREATED_AT")), instant(rs.getTimestamp("SENT_AT")),
                rs.getString("SENDER"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** At most {@code max} chars, never splitting a surrogate pair; "…" marks a cut. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
