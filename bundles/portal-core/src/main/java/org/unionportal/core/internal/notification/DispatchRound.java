package org.unionportal.core.internal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.notification.spi.MessageSender;
import org.unionportal.api.notification.spi.OutgoingMessage;

/**
 * Sends pending messages, one round at a time (the {@link NotificationDispatcher} runs a round every few
 * seconds on its one thread; not thread-safe). Database work is short transactions; the sending happens
 * outside them: read the pending rows, then for each one send it and mark it in a transaction of its own.
 *
 * <p>A round takes up to {@value #BATCH} pending messages after the previous round's last one and starts again
 * from the oldest once it reaches the end, so messages waiting for a retry never block newer ones. After a
 * failed attempt a message waits (30 s, 2 min, 10 min, 30 min) before it is tried again, so a short gateway
 * outage does not use up its attempts; these waits are kept in memory only, a restart simply tries earlier.
 *
 * <p>Marking uses {@code ... WHERE ID = ? AND STATUS = 'PENDING'}, so a message changes state once even when
 * another dispatcher (another Karaf on the same database) handles it too. Sending is at least once;
 * {@link OutgoingMessage#id()} lets a gateway drop repeats.
 */
final class DispatchRound {
    static final int BATCH = 100;
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(30));
    private static final Logger LOG = LoggerFactory.getLogger(DispatchRound.class);

    private final PortalDatabase db;
    private final Supplier<MessageSender> sender;
    private final Clock clock;
    private final Map<Long, Instant> retryAt = new HashMap<>();
    private long cursor;

    /** What a round did. */
    record Round(int sent, int failed, int waiting) {
    }

    /** @param sender gives the sender to use now (the best service, or the built-in log sender) */
    DispatchRound(PortalDatabase db, Supplier<MessageSender> sender, Clock clock) {
        this.db = db;
        this.sender = sender;
        this.clock = clock;
    }

    Round runOnce() {
        long after = cursor;
        List<Outbox.Row> rows = db.read(c -> Outbox.pending(c, after, BATCH));
        cursor = rows.size() < BATCH ? 0 : rows.get(rows.size() - 1).id();
        MessageSender current = sender.get();
        String name = SenderRegistry.nameOf(current);
        int sent = 0;
        int failed = 0;
        int waiting = 0;
        for (Outbox.Row row : rows) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            Instant notBefore = retryAt.get(row.id());
            if (notBefore != null && clock.instant().isBefore(notBefore)) {
                waiting++;
                continue;
            }
            try {
                current.send(new OutgoingMessage(row.id(), row.module(), row.kind(), row.recipient(), row.phone(), row.message()));
            } catch (InterruptedException e) {
                // shutting down: not the message's fault, it stays pending as it was
                Thread.currentThread().interrupt();
                break;
            } catch (Exception | LinkageError e) {
                failed++;
                failedAttempt(row, name, e);
                continue;
            }
            db.inTransaction(c -> Outbox.markSent(c, row.id(), name, clock.instant()));
            retryAt.remove(row.id());
            sent++;
        }
        return new Round(sent, failed, waiting);
    }

    private void failedAttempt(Outbox.Row row, String name, Throwable e) {
        String error = name + ": " + (e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage());
        String status = db.inTransaction(c -> Outbox.markAttemptFailed(c, row.id(), error, Outbox.MAX_ATTEMPTS));
        if (Outbox.PENDING.equals(status)) {
            int attempts = row.attempts() + 1;
            retryAt.put(row.id(), clock.instant().plus(BACKOFF.get(Math.min(attempts, BACKOFF.size()) - 1)));
            LOG.info("Notification {} not sent (attempt {} of {}): {}", row.id(), attempts, Outbox.MAX_ATTEMPTS, error);
        } else {
            retryAt.remove(row.id());
            if (Outbox.FAILED.equals(status)) {
                LOG.warn("Notification {} failed after {} attempts: {}", row.id(), Outbox.MAX_ATTEMPTS, error, e);
            }
        }
    }
}
