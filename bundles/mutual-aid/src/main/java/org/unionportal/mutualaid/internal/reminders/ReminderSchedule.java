package org.unionportal.mutualaid.internal.reminders;

import java.util.concurrent.ExecutorService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.ClusterCoordination;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.notification.Notifications;

/**
 * At activation, hands the module's old reminder outbox over to the portal ({@link OutboxHandover}); then, at
 * once and every {@value #SCAN_EVERY_HOURS} hours, the {@link CoverEndingScan}. On one daemon thread, stopped
 * at deactivation. The portal sends the reminders.
 *
 * <p>Every node of a cluster schedules the scan; only the node holding the lease {@value #LEASE} (taken for a little
 * less than the period, so its holder can take it again next time and another node once the holder died) scans.
 */
@Component(immediate = true, service = {})
public class ReminderSchedule {
    static final long SCAN_EVERY_HOURS = 6;
    static final String LEASE = "mutual-aid.cover-ending-scan";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    Notifications notifications;
    @Reference
    ClusterCoordination cluster;

    private ScheduledExecutorService scheduler;

    @Activate
    void activate() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mutual-aid-reminders");
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(guarded("hand the old reminder outbox over", () -> {
            int moved = OutboxHandover.run(db, notifications);
            if (moved > 0) {
                LOG.info("Reminders: handed {} reminders of the module's old outbox over to the portal's", moved);
            }
        }));
        scheduler.scheduleWithFixedDelay(guarded("scan for covers ending", () -> {
            if (!cluster.lease(LEASE, Duration.ofHours(SCAN_EVERY_HOURS).minusMinutes(1))) {
                return; // another node scans this period
            }
            int queued = CoverEndingScan.scan(db, notifications, CoverEndingScan.today());
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
                LOG.warn("Reminders: the scan did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task that logs its failures instead of being cancelled by them. */
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
