package org.unionportal.mutualaid.internal.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.notification.Delivery;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.notification.Recipient;

/**
 * Hands the reminders this module kept in its own outbox ({@code MA_REMINDER}, before the portal had one) over to
 * the portal's, with their status, phone, text and dedup key: pending ones are then sent by the portal, and the
 * keys of sent ones keep the same reminder from being queued again. Each chunk is adopted and deleted from
 * {@code MA_REMINDER} in one transaction, so a reminder is in exactly one outbox at any time; once the table is
 * empty this does nothing.
 */
final class OutboxHandover {
    static final int CHUNK = 500;

    private OutboxHandover() {
    }

    /** Moves every row; answers how many. */
    static int run(PortalDatabase db, Notifications notifications) {
        int moved = 0;
        while (true) {
            int chunk = db.inTransaction(c -> moveChunk(c, notifications, CHUNK));
            moved += chunk;
            if (chunk < CHUNK) {
                return moved;
            }
        }
    }

    static int moveChunk(Connection c, Notifications notifications, int limit) throws SQLException {
        record Old(long id, String kind, String dedupKey, long memberId, String orgPath, String phone, String message,
                   String status, int attempts, String lastError, Timestamp createdAt, Timestamp sentAt, String sender) {
        }
        List<Old> rows = Jdbc.list(c, "SELECT ID, KIND, DEDUP_KEY, MEMBER_ID, ORG_PATH, PHONE, MESSAGE, STATUS, ATTEMPTS, "
                + "LAST_ERROR, CREATED_AT, SENT_AT, SENDER FROM MA_REMINDER ORDER BY ID FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Old(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getTimestamp(11),
                        rs.getTimestamp(12), rs.getString(13)));
        for (Old r : rows) {
            // the old texts were Chinese only; the English side repeats them
            Notification n = Notification.of(Reminders.MODULE, r.kind(), r.dedupKey(), Recipient.member(r.memberId(), r.phone()),
                    r.orgPath(), Text.of(r.message(), r.message()));
            notifications.adopt(c, n, new Delivery(r.status(), r.attempts(), r.lastError(), instant(r.createdAt()),
                    instant(r.sentAt()), r.sender()));
            Jdbc.update(c, "DELETE FROM MA_REMINDER WHERE ID = ?", r.id());
        }
        return rows.size();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
