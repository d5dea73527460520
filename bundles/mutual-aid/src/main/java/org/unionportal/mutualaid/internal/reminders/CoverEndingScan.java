package org.unionportal.mutualaid.internal.reminders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.notification.Notifications;

/**
 * Queues a {@link Reminders#COVER_ENDING} reminder for every ACTIVE enrolment whose cover ends within the next
 * {@value #DAYS} days (today included, Asia/Shanghai), once per enrolment (dedup key
 * {@code COVER_ENDING:enrolment:<id>}: the portal's outbox drops a second one). Members already enrolled for a
 * later period of the same plan (renewed, not cancelled) are not reminded.
 */
public final class CoverEndingScan {
    public static final int DAYS = 30;
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int CHUNK = 500;
    static final String KEY_PREFIX = Reminders.COVER_ENDING + ":enrolment:";

    private CoverEndingScan() {
    }

    public static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** Runs the scan in transactions of {@value #CHUNK} enrolments each; answers how many reminders were queued. */
    public static int scan(PortalDatabase db, Notifications notifications, LocalDate today) {
        int queued = 0;
        long after = 0;
        while (true) {
            long from = after;
            Chunk chunk = db.inTransaction(c -> queueChunk(c, notifications, today, from, CHUNK));
            queued += chunk.queued();
            if (chunk.candidates() < CHUNK) {
                return queued;
            }
            after = chunk.lastEnrolmentId();
        }
    }

    /** What one chunk did: enrolments looked at, reminders newly queued, the last enrolment id looked at. */
    record Chunk(int candidates, int queued, long lastEnrolmentId) {
    }

    /** Queues the reminders of up to {@code limit} due enrolments with an id above {@code afterId}. */
    static Chunk queueChunk(Connection c, Notifications notifications, LocalDate today, long afterId, int limit)
            throws SQLException {
        record Due(long enrolmentId, long memberId, String name, String planName, LocalDate coverEnd) {
        }
        List<Due> due = Jdbc.list(c, "SELECT E.ID, E.MEMBER_ID, M.NAME, P.NAME_ZH, E.COVER_END FROM MA_ENROLMENT E "
                        + "JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID JOIN MA_PLAN P ON P.ID = E.PLAN_ID "
                        + "WHERE E.STATUS = 'ACTIVE' AND E.COVER_END >= ? AND E.COVER_END <= ? AND E.ID > ? "
                        + "AND NOT EXISTS (SELECT 1 FROM MA_ENROLMENT N WHERE N.MEMBER_ID = E.MEMBER_ID "
                        + "AND N.PLAN_CODE = E.PLAN_CODE AND N.COVER_START > E.COVER_END AND N.STATUS <> 'CANCELLED') "
                        + "ORDER BY E.ID FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Jdbc.date(rs, "COVER_END")),
                today, today.plusDays(DAYS), afterId);
        int queued = 0;
        for (Due d : due) {
            if (Reminders.enqueue(c, notifications, Reminders.COVER_ENDING, KEY_PREFIX + d.enrolmentId(), d.memberId(),
                    Reminders.coverEnding(d.name(), d.planName(), d.coverEnd()))) {
                queued++;
            }
        }
        return new Chunk(due.size(), queued, due.isEmpty() ? afterId : due.get(due.size() - 1).enrolmentId());
    }
}
