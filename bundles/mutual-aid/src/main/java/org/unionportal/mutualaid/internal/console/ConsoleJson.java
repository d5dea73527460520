package org.unionportal.mutualaid.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionportal.mutualaid.internal.reminders.Outbox;

/**
 * The page's figures as JSON, served at {@code /system/console/mutual-aid.json}:
 * <pre>{@code
 * {"generatedAt": "2025-06-30T08:00:00Z", "today": "2025-06-30",
 *  "plans": {"current": 4},
 *  "enrolments": {"total": 7, "byStatus": {"ACTIVE": 5, "PENDING_PAYMENT": 1, ...}},
 *  "claims": {"total": 3, "byStatus": {"PAID": {"count": 2, "computedFen": ..., "approvedFen": ...}, ...}},
 *  "payouts": {"batches": 2, "claims": 2, "totalFen": 4644300, "lastCreatedAt": "..." or null},
 *  "reminders": {"pending": 1, "sent": 5, "failed": 0,
 *                "latest": [{"id", "kind", "memberId", "phone" (masked), "message", "status", "attempts",
 *                            "lastError", "createdAt", "sentAt", "sender"}]},
 *  "sender": {"active": "log", "builtIn": true, "registered": []}}
 * }</pre>
 * Money in fen, times as ISO-8601 instants, status maps sorted by name.
 */
public final class ConsoleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConsoleJson() {
    }

    public static String render(ConsoleFigures f) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", iso(f.generatedAt()));
        root.put("today", f.today() == null ? null : f.today().toString());
        root.put("plans", Map.of("current", f.currentPlans()));

        Map<String, Object> enrolments = new LinkedHashMap<>();
        enrolments.put("total", f.enrolmentsByStatus().values().stream().mapToLong(Long::longValue).sum());
        enrolments.put("byStatus", f.enrolmentsByStatus());
        root.put("enrolments", enrolments);

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("total", f.claimsByStatus().values().stream().mapToLong(ConsoleFigures.ClaimSums::count).sum());
        Map<String, Object> byStatus = new LinkedHashMap<>();
        f.claimsByStatus().forEach((status, s) -> {
            Map<String, Object> sums = new LinkedHashMap<>();
            sums.put("count", s.count());
            sums.put("computedFen", s.computedFen());
            sums.put("approvedFen", s.approvedFen());
            byStatus.put(status, sums);
        });
        claims.put("byStatus", byStatus);
        root.put("claims", claims);

        Map<String, Object> payouts = new LinkedHashMap<>();
        payouts.put("batches", f.payouts().batches());
        payouts.put("claims", f.payouts().claims());
        payouts.put("totalFen", f.payouts().totalFen());
        payouts.put("lastCreatedAt", iso(f.payouts().lastCreatedAt()));
        root.put("payouts", payouts);

        Map<String, Object> reminders = new LinkedHashMap<>();
        reminders.put("pending", f.remindersByStatus().getOrDefault(Outbox.PENDING, 0L));
        reminders.put("sent", f.remindersByStatus().getOrDefault(Outbox.SENT, 0L));
        reminders.put("failed", f.remindersByStatus().getOrDefault(Outbox.FAILED, 0L));
        reminders.put("latest", f.latestReminders().stream().map(ConsoleJson::reminder).toList());
        root.put("reminders", reminders);

        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("active", f.senders().active());
        sender.put("builtIn", f.senders().builtIn());
        sender.put("registered", f.senders().registered());
        root.put("sender", sender);
        return write(root);
    }

    public static String error(String message) {
        return write(Map.of("error", message == null ? "" : message));
    }

    private static Map<String, Object> reminder(ConsoleFigures.ReminderLine r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("memberId", r.memberId());
        m.put("phone", r.phone());
        m.put("message", r.message());
        m.put("status", r.status());
        m.put("attempts", r.attempts());
        m.put("lastError", r.lastError());
        m.put("createdAt", iso(r.createdAt()));
        m.put("sentAt", iso(r.sentAt()));
        m.put("sender", r.sender());
        return m;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the console figures as JSON", e);
        }
    }
}
