package org.unionportal.mutualaid.internal.reminders;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.mutualaid.spi.ReminderSender;

/**
 * Sends the reminder outbox: every {@value #SEND_EVERY_SECONDS} seconds a round of
 * {@link OutboxDispatcher}, with the best {@link ReminderSender} service or the built-in log sender;
 * at activation and then every {@value #SCAN_EVERY_HOURS} hours the {@link CoverEndingScan}. Both on
 * one daemon thread, stopped at deactivation.
 */
@Component(immediate = true, service = {})
public class ReminderDispatcher {
    static final long SEND_EVERY_SECONDS = 5;
    static final long SCAN_EVERY_HOURS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatcher.class);

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;

    private final SenderRegistry senders = new SenderRegistry();
    private ScheduledExecutorService scheduler;

    @Reference(service = ReminderSender.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSender", updated = "updatedSender")
    void addSender(ReminderSender sender, Map<String, Object> properties) {
        senders.add(sender, properties);
        LOG.info("Reminders: sender '{}' registered; now sending with '{}'", SenderRegistry.nameOf(sender), active());
    }

    void updatedSender(ReminderSender sender, Map<String, Object> properties) {
        senders.update(sender, properties);
    }

    void removeSender(ReminderSender sender) {
        senders.remove(sender);
        LOG.info("Reminders: sender '{}' gone; now sending with '{}'", SenderRegistry.nameOf(sender), active());
    }

    private String active() {
        return SenderRegistry.nameOf(senders.bestOr(LogSender.INSTANCE));
    }

    @Activate
    void activate() {
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, () -> senders.bestOr(LogSender.INSTANCE), Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mutual-aid-reminders");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(guarded("send reminders", dispatcher::runOnce), SEND_EVERY_SECONDS,
                SEND_EVERY_SECONDS, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(guarded("scan for covers ending", () -> {
            int queued = CoverEndingScan.scan(db, CoverEndingScan.today());
            if (queued > 0) {
                LOG.info("Reminders: queued {} cover-ending reminders", queued);
            }
        }), 0, SCAN_EVERY_HOURS, TimeUnit.HOURS);
    }

    @Deactivate
    void deactivate() {
        ExecutorService s = scheduler;
        scheduler = null;
        if (s == null) {
            return;
        }
        s.shutdownNow();
        try {
            if (!s.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Reminders: the dispatcher thread did not stop within 10 s (a sender is blocking)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A scheduled task that logs its failures instead of being cancelled by them. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                if (!Thread.currentThread().isInterrupted()) {
                    LOG.warn("Reminders: cannot {} now; will try again", what, e);
                }
            }
        };
    }
}
