package org.unionportal.core.internal.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.core.internal.security.LoginThrottle;
import org.unionportal.core.internal.store.AccountStore;

/**
 * The core's periodic cleaning, once per {@link #EVERY} in the whole cluster: expired sessions, forgotten login
 * throttle counters, old cluster events. Every node tries each period; only the node that takes the lease
 * {@value #LEASE} (held for the period, so the others find it taken) does the work.
 */
@Component(immediate = true, service = CleaningJob.class)
public class CleaningJob {
    static final String LEASE = "portal.cleaning";
    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(CleaningJob.class);

    private final PortalDatabase db;
    private final String self;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    /** What one run did; not {@code ran}: another node held the lease. */
    record Result(boolean ran, int sessions, int throttleRows, int events) {
    }

    @Activate
    public CleaningJob(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                       @Reference ClusterNode node) {
        this(db, node.id(), Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-cleaning");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                Result r = runOnce();
                if (r.ran() && r.sessions() + r.throttleRows() + r.events() > 0) {
                    LOG.debug("Cleaning: {} expired sessions, {} throttle counters, {} cluster events", r.sessions(), r.throttleRows(), r.events());
                }
            } catch (RuntimeException e) {
                LOG.warn("Cleaning failed; will try again", e);
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    CleaningJob(PortalDatabase db, String self, Clock clock) {
        this.db = db;
        this.self = self;
        this.clock = clock;
    }

    @Deactivate
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    Result runOnce() {
        Instant now = clock.instant();
        // held a little less than the period, so the holder can run again next period, and another node if it died
        if (!db.inTransaction(c -> Leases.acquire(c, LEASE, self, now, EVERY.minusSeconds(5)))) {
            return new Result(false, 0, 0, 0);
        }
        return db.inTransaction(c -> new Result(true, AccountStore.deleteExpiredSessions(c, now),
                LoginThrottle.forgetOld(c, now), PolledClusterEvents.deleteOld(c, now)));
    }
}
