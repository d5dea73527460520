package org.unionportal.core.internal.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.time.PortalTime;
import org.unionportal.core.internal.cluster.ClusterNode;
import org.unionportal.core.internal.cluster.Leases;

/**
 * The scheduled backup with retention ({@code etc/org.unionportal.backup.cfg}): at each planned time every node
 * tries the lease {@value #LEASE}, held for most of the period, and only the node that takes it backs up and prunes.
 * On PostgreSQL it does nothing (pg_dump, outside the portal, backs that up).
 */
@Component(immediate = true, service = BackupJob.class, configurationPid = Backups.PID)
public class BackupJob {
    static final String LEASE = "portal.backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);

    private final PortalDatabase db;
    private final Backups backups;
    private final String self;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> next;
    private volatile BackupPlan plan;
    private volatile boolean scheduled;

    /** What one planned run did: {@code ran} false when another node held the lease or nothing is to be done here. */
    record Result(boolean ran, String backup, List<String> deleted) {
    }

    @Activate
    public BackupJob(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                     @Reference Backups backups, @Reference ClusterNode node, Backups.Config config) {
        this(db, backups, node.id(), Clock.systemUTC(), config);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-backup");
            t.setDaemon(true);
            return t;
        });
        if (!backups.supported()) {
            LOG.info("The database is {}: no scheduled backups by the portal; back it up with pg_dump (README, \"Backups and restore\")",
                    backups.databaseName());
            return;
        }
        scheduleNext();
    }

    BackupJob(PortalDatabase db, Backups backups, String self, Clock clock, Backups.Config config) {
        this.db = db;
        this.backups = backups;
        this.self = self;
        this.clock = clock;
        configure(config);
    }

    private void configure(Backups.Config config) {
        this.plan = BackupPlan.of(config.time(), config.intervalMinutes(), config.keep());
        this.scheduled = config.scheduled();
    }

    /** A changed time, interval or count: the next run is planned again. */
    @Modified
    synchronized void modified(Backups.Config config) {
        configure(config);
        if (scheduler != null && backups.supported()) {
            scheduleNext();
        }
    }

    @Deactivate
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private synchronized void scheduleNext() {
        if (next != null) {
            next.cancel(false);
        }
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), PortalTime.ZONE);
        ZonedDateTime at = plan.nextAfter(now);
        long delay = Math.max(0, Duration.between(now, at).toMillis());
        next = scheduler.schedule(() -> {
            try {
                runOnce(at.toInstant());
            } catch (RuntimeException e) {
                LOG.warn("The scheduled backup failed; the next one is planned as usual", e);
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The run planned for {@code planned}: back up and prune, if this node takes the lease for the period. */
    Result runOnce(Instant planned) {
        BackupPlan plan = this.plan;
        if (!scheduled || !backups.supported()) {
            return new Result(false, null, List.of());
        }
        // held for most of the period: the other nodes, planning the same instant, find it taken
        Duration period = plan.period();
        Duration hold = period.minus(period.dividedBy(10));
        if (!db.inTransaction(c -> Leases.acquire(c, LEASE, self, planned, hold))) {
            return new Result(false, null, List.of());
        }
        Backups.Backup backup = backups.backupNow();
        return new Result(true, backup.name(), backups.prune(plan.keep()));
    }
}
