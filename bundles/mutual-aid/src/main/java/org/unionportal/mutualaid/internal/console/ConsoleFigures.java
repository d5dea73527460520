package org.unionportal.mutualaid.internal.console;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.security.Masking;
import org.unionportal.mutualaid.internal.reminders.Outbox;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.PayoutStore;
import org.unionportal.mutualaid.internal.store.PlanStore;

/**
 * What the web console page shows, for the whole union tree. Phones are masked when loaded, so no
 * full number ever reaches a renderer.
 *
 * @param enrolmentsByStatus status (EXPIRED derived from the cover end, as everywhere) to count
 * @param claimsByStatus     status to count and sums
 * @param remindersByStatus  PENDING, SENT, FAILED to count
 * @param latestReminders    the last {@value #LATEST} reminders, newest first
 */
public record ConsoleFigures(Instant generatedAt, LocalDate today, long currentPlans, Map<String, Long> enrolmentsByStatus,
                             Map<String, ClaimSums> claimsByStatus, Payouts payouts, Map<String, Long> remindersByStatus,
                             List<ReminderLine> latestReminders, Senders senders) {
    static final int LATEST = 20;

    public ConsoleFigures {
        enrolmentsByStatus = Collections.unmodifiableMap(new TreeMap<>(enrolmentsByStatus));
        claimsByStatus = Collections.unmodifiableMap(new TreeMap<>(claimsByStatus));
        remindersByStatus = Collections.unmodifiableMap(new TreeMap<>(remindersByStatus));
        latestReminders = List.copyOf(latestReminders);
    }

    /** Claims of one status: how many, what the rules computed, what was approved (fen). */
    public record ClaimSums(long count, long computedFen, long approvedFen) {
    }

    /** Payout batches: how many, with how many claims, for how much (fen), the last one when. */
    public record Payouts(long batches, long claims, long totalFen, Instant lastCreatedAt) {
    }

    /** A reminder as the page shows it; the phone is masked. */
    public record ReminderLine(long id, String kind, long memberId, String phone, String message, String status, int attempts,
                               String lastError, Instant createdAt, Instant sentAt, String sender) {
    }

    /**
     * @param active     the sender in use (the built-in one is "log")
     * @param builtIn    whether that is the built-in log sender (no service registered)
     * @param registered every registered sender service, best first
     */
    public record Senders(String active, boolean builtIn, List<String> registered) {
        public Senders {
            registered = List.copyOf(registered);
        }
    }

    /** The maps are sorted by status name. */
    public static ConsoleFigures load(Connection c, LocalDate today, Instant now, Senders senders) throws SQLException {
        long plans = PlanStore.countCurrent(c);

        Map<String, Long> enrolments = new TreeMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT S, COUNT(*) FROM (SELECT CASE WHEN STATUS = 'ACTIVE' AND COVER_END < ? "
                + "THEN 'EXPIRED' ELSE STATUS END AS S FROM MA_ENROLMENT) T GROUP BY S",
                rs -> new Object[] {rs.getString(1).strip(), rs.getLong(2)}, today)) {
            enrolments.merge((String) r[0], (Long) r[1], Long::sum);
        }

        Map<String, ClaimSums> claims = new TreeMap<>();
        for (ClaimStore.StatusSums sums : ClaimStore.sumsByStatus(c)) {
            claims.put(sums.status().code(), new ClaimSums(sums.count(), sums.computedFen(), sums.approvedFen()));
        }

        PayoutStore.Totals totals = PayoutStore.totals(c);
        Payouts payouts = new Payouts(totals.batches(), totals.claims(), totals.totalFen(), totals.lastCreatedAt());

        List<ReminderLine> latest = Outbox.latest(c, LATEST).stream().map(r -> new ReminderLine(r.id(), r.kind(), r.memberId(),
                Masking.phone(r.phone()), r.message(), r.status(), r.attempts(), r.lastError(), r.createdAt(), r.sentAt(),
                r.sender())).toList();

        return new ConsoleFigures(now, today, plans, enrolments, claims, payouts, Outbox.countsByStatus(c), latest, senders);
    }
}
