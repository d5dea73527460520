package org.unionportal.core.internal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * outage does not use up its attempts.
 *
 * <p>Several nodes on one database: a message is sent only by the node that claimed it ({@link Outbox#claim}, an
 * atomic conditional UPDATE that one node wins) for {@link #CLAIM}; the claim is committed before the gateway is
 * called, so a slow gateway cannot make another node send it too unless it takes longer than the claim. The wait
 * after a failure is the claim kept until then, so it holds on every node and across restarts.
 * {@link OutgoingMessage#id()} still lets a gateway drop repeats (a node killed between sending and marking).
 */
final class DispatchRound {
    static final int BATCH = 100;
    /** How long a claimed message is this node's to send: far longer than any gateway call may take. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(30));
    private static final Logger LOG = LoggerFactory.getLogger(DispatchRound.class);

    private final PortalDatabase db;
    private final Supplier<MessageSender> sender;
    private final Clock clock;
    private final String holder;
    private long cursor;

    /** What a round did. */
    record Round(int sent, int failed, int waiting) {
    }

    /** @param sender gives the sender to use now (the best service, or the built-in log sender) */
    DispatchRound(PortalDatabase db, Supplier<MessageSender> sender, Clock clock) {
        this(db, sender, clock, "local");
    }

    /** @param holder this node's name in claims */
    DispatchRound(PortalDatabase db, Supplier<MessageSender> sender, Clock clock, String holder) {
        this.db = db;
        this.sender = sender;
        this.clock = clock;
        this.holder = holder;
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
            Instant now = clock.instant();
            if (!db.inTransaction(c -> Outbox.claim(c, row.id(), holder, now, now.plus(CLAIM)))) {
                waiting++; // another node's now, or waiting after a failed attempt
                continue;
            }
            try {
                current.send(new OutgoingMessage(row.id(), row.module(), row.kind(), row.recipient(), row.phone(), row.message()));
            } catch (InterruptedException e) {
                // shutting down: not the message's fault, it stays pending and is given back
                Thread.currentThread().interrupt();
                db.inTransaction(c -> {
                    Outbox.waitUntil(c, row.id(), clock.instant());
                    return null;
                });
                break;
            } catch (Exception | LinkageError e) {
                failed++;
                failedAttempt(row, name, e);
                continue;
            }
            db.inTransaction(c -> Outbox.markSent(c, row.id(), name, clock.instant()));
            sent++;
        }
        return new Round(sent, failed, waiting);
    }

    private void failedAttempt(Outbox.Row row, String name, Throwable e) {
        String error = name + ": " + (e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage());
        Instant now = clock.instant();
        Object[] outcome = db.inTransaction(c -> {
            String status = Outbox.markAttemptFailed(c, row.id(), error, Outbox.MAX_ATTEMPTS);
            int attempts = Outbox.attempts(c, row.id());
            if (Outbox.PENDING.equals(status)) {
                Outbox.waitUntil(c, row.id(), now.plus(BACKOFF.get(Math.max(1, Math.min(attempts, BACKOFF.size())) - 1)));
            }
            return new Object[] {status, attempts};
        });
        if (Outbox.PENDING.equals(outcome[0])) {
            LOG.info("Notification {} not sent (attempt {} of {}): {}", row.id(), outcome[1], Outbox.MAX_ATTEMPTS, error);
        } else if (Outbox.FAILED.equals(outcome[0])) {
            LOG.warn("Notification {} failed after {} attempts: {}", row.id(), Outbox.MAX_ATTEMPTS, error, e);
        }
    }
}
