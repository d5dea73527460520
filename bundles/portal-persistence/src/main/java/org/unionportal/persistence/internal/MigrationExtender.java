package org.unionportal.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.db.MigrationProblems;
import org.unionportal.api.db.PortalDatabase;

/**
 * Extender for bundles that ship migrations ({@code Union-Migrations: <schema>}): when such a
 * bundle starts, its pending scripts are applied and a {@link PortalDatabase} service for its
 * schema is published; when it stops, the service goes away and the data stays. A bundle whose
 * migrations fail, or that is older than its schema in the database (a downgrade), gets no service:
 * {@link MigrationProblems} says why.
 *
 * <p>The database may not answer when the portal starts (a PostgreSQL server still down; the pool is created without
 * a first connection, {@code hikari.initializationFailTimeout = -1}). Then nothing is migrated or published yet, and
 * the extender tries again every {@value #RETRY_SECONDS} s in a thread of its own; once the database answers it
 * migrates every started bundle and publishes their schemas, and what waits for them (the core, the modules, the
 * portal application) comes up in the same process. When the database answers at once (the usual case), everything
 * happens while the extender is activated, as bundles start, as it always did.
 *
 * <p>A bundle's migrations cut off by a lost connection (the server restarted or stopped mid-way, the pool timing out;
 * see {@link ConnectionLoss}) are tried again in a thread of the extender's own, after 2, 4, 8, 16 s and then every
 * 32 s, for as long as the bundle is started; meanwhile {@link MigrationProblems} says {@link #MIGRATION_RETRYING}
 * (readiness 503, health DOWN, naming the schema). Each script runs in a transaction with its history row, so the
 * scripts applied before the cut stay applied and the retry starts with the first one that is not. A script that is
 * itself wrong is {@link #MIGRATION_FAILED} at once, until the bundle is started again.
 */
@Component(immediate = true, service = {})
public class MigrationExtender implements BundleTrackerCustomizer<MigrationExtender.Tracked>, MigrationProblems {
    static final String MIGRATION_FOLDER = "/db/migration";
    /**
     * How long activation waits for a first connection before leaving the waiting to the extender's thread: short,
     * as it holds up the thread that registered the pool and anyone waiting for this component meanwhile.
     */
    static final long FIRST_ANSWER_SECONDS = 3;
    static final long RETRY_SECONDS = 2;
    /** A migration cut off by a lost connection is tried again after RETRY_SECONDS, doubled up to 2^4 times that. */
    static final int MAX_BACKOFF_DOUBLINGS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final BundleContext context;
    private final DataSource dataSource;
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final ServiceRegistration<MigrationProblems> problemsRegistration;
    private final ScheduledExecutorService waiting;
    /** Runs the migrations tried again after a lost connection (never the framework's thread that started the bundle). */
    private final ScheduledExecutorService retrying;
    private final Duration retryEvery;
    private final Object lifecycle = new Object();
    /** Set once the database answered; the tracker (so {@link #addingBundle}) opens only after that. */
    private volatile Connected connected;
    private BundleTracker<Tracked> tracker; // guarded by lifecycle
    private boolean closed; // guarded by lifecycle
    private int failedAttempts; // the waiting thread's only

    /** The database as found when it first answered, with its migrator and the history table in place. */
    private record Connected(SqlDatabase database, Migrator migrator) {
    }

    @Activate
    public MigrationExtender(BundleContext context,
                             @Reference(target = "(dataSourceName=portal)") DataSource dataSource) {
        this(context, dataSource, Duration.ofSeconds(FIRST_ANSWER_SECONDS), Duration.ofSeconds(RETRY_SECONDS));
    }

    MigrationExtender(BundleContext context, DataSource dataSource, Duration firstAnswer, Duration retryEvery) {
        this.context = context;
        this.dataSource = dataSource;
        this.retryEvery = retryEvery;
        // Registered by hand, not as a DS service of this component: readiness asks for it once the core's schema
        // is published, which happens while this constructor still runs (a circular reference otherwise).
        this.problemsRegistration = context.registerService(MigrationProblems.class, this, null);
        this.waiting = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "union-portal-database-wait");
            t.setDaemon(true);
            return t;
        });
        this.retrying = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "union-portal-migration-retry");
            t.setDaemon(true);
            return t;
        });
        Future<Connected> first = waiting.submit(this::connect);
        try {
            open(first.get(firstAnswer.toMillis(), TimeUnit.MILLISECONDS));
            waiting.shutdown();
        } catch (ExecutionException | TimeoutException e) {
            // still waiting for the pool, or refused: the extender's thread takes over (after this first attempt ends)
            waiting.execute(() -> afterFirstAttempt(first));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.execute(() -> afterFirstAttempt(first));
        }
    }

    @Deactivate
    void deactivate() {
        BundleTracker<Tracked> open;
        synchronized (lifecycle) {
            closed = true;
            open = tracker;
        }
        waiting.shutdownNow();
        retrying.shutdownNow();
        if (open != null) {
            open.close();
        }
        problemsRegistration.unregister();
    }

    /** One attempt to reach the database: its product, and the history table created where it is missing. */
    private Connected connect() {
        SqlDatabase database = new SqlDatabase(dataSource, Dialects.forProduct(productName(dataSource)));
        Migrator migrator = new Migrator(database, MigrationLock.forDatabase(dataSource, database.dialect().name()));
        migrator.ensureHistoryTable();
        return new Connected(database, migrator);
    }

    /** On the waiting thread, once the first attempt (begun while activating) ended: opens, or waits for the database. */
    private void afterFirstAttempt(Future<Connected> first) {
        try {
            opened(first.get());
        } catch (ExecutionException e) {
            waitForTheDatabase(e.getCause());
        } catch (InterruptedException | java.util.concurrent.CancellationException stopped) {
            // deactivated
        }
    }

    /** On the waiting thread: one more attempt. */
    private void attempt() {
        Connected found;
        try {
            found = connect();
        } catch (RuntimeException e) {
            waitForTheDatabase(e);
            return;
        }
        LOG.info("The portal database answers now (after {} failed attempts): applying migrations, publishing schemas",
                failedAttempts);
        opened(found);
    }

    private void opened(Connected found) {
        open(found);
        waiting.shutdown();
    }

    private void waitForTheDatabase(Throwable cause) {
        failedAttempts++;
        if (failedAttempts == 1) {
            LOG.warn("The portal database does not answer ({}); schemas are migrated and published once it does, "
                    + "tried again every {} s. Until then the portal answers 503 database_unavailable", reason(cause),
                    retryEvery.toSeconds());
        } else {
            LOG.debug("The portal database still does not answer (attempt {}): {}", failedAttempts, reason(cause));
        }
        try {
            waiting.schedule(this::attempt, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // deactivated meanwhile
        }
    }

    /** The first and the last message of a failure's causes (the pool's time-out, the driver's refusal). */
    private static String reason(Throwable failure) {
        Throwable last = failure;
        while (last.getCause() != null && last.getCause() != last) {
            last = last.getCause();
        }
        return last == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + ": " + last.getMessage();
    }

    /** Takes the started bundles' schemas in hand: their migrations now, and those of bundles that start later. */
    private void open(Connected found) {
        BundleTracker<Tracked> opening;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            connected = found;
            opening = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
            tracker = opening;
        }
        opening.open();
        synchronized (lifecycle) {
            if (closed) {
                opening.close(); // deactivated while it opened
            }
        }
    }

    @Override
    public Tracked addingBundle(Bundle bundle, BundleEvent event) {
        String schema = bundle.getHeaders("").get(PortalDatabase.MIGRATIONS_HEADER);
        if (schema == null || schema.isBlank()) {
            return null;
        }
        Tracked tracked = new Tracked(bundle, schema.strip());
        migrateAndPublish(tracked);
        return tracked;
    }

    /** Applies the bundle's pending migrations and publishes its schema; or says why not, and tries again after a lost connection. */
    private synchronized void migrateAndPublish(Tracked tracked) {
        String schema = tracked.schema;
        Bundle bundle = tracked.bundle;
        if (tracked.isGone()) {
            return;
        }
        Connected db = connected;
        try {
            int applied = db.migrator().migrate(schema, migrationsOf(bundle, db.database().dialect().name()));
            problems.remove(schema);
            if (tracked.attempts > 0) {
                LOG.info("Schema '{}' of {} is up to date after {} attempts cut off by a lost connection ({} new migrations)",
                        schema, bundle.getSymbolicName(), tracked.attempts, applied);
            } else {
                LOG.info("Schema '{}' of {} is up to date ({} new migrations)", schema, bundle.getSymbolicName(), applied);
            }
        } catch (DowngradeRefused e) {
            problems.put(schema, new Problem(schema, bundle.getBundleId(), DOWNGRADE_REFUSED, e.getMessage()));
            LOG.error("{} {}: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
            return;
        } catch (DataAccessException | IOException e) {
            if (ConnectionLoss.causedBy(e)) {
                retryLater(tracked, e);
                return;
            }
            problems.put(schema, new Problem(schema, bundle.getBundleId(), MIGRATION_FAILED,
                    "Migrations of schema '" + schema + "' failed; the portal's log has the cause."));
            // The schema's database service is not published, so the module's components wait
            // instead of failing on missing tables.
            LOG.error("Migrations of schema '{}' ({}) failed; its database service stays unavailable",
                    schema, bundle.getSymbolicName(), e);
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PortalDatabase.SCHEMA_PROPERTY, schema);
        properties.put("union.schema.bundle", bundle.getBundleId());
        tracked.published(context.registerService(PortalDatabase.class, db.database(), properties));
    }

    /** The connection was lost mid-way: said by {@link MigrationProblems} meanwhile, tried again after a bounded back-off. */
    private void retryLater(Tracked tracked, Exception cause) {
        tracked.attempts++;
        Duration delay = retryEvery.multipliedBy(1L << Math.min(tracked.attempts - 1, MAX_BACKOFF_DOUBLINGS));
        problems.put(tracked.schema, new Problem(tracked.schema, tracked.bundle.getBundleId(), MIGRATION_RETRYING,
                "Migrations of schema '" + tracked.schema + "' were cut off by a lost database connection; tried again in "
                        + Math.max(1, delay.toSeconds()) + " s (attempt " + tracked.attempts + "), no restart needed."));
        if (tracked.attempts == 1) {
            LOG.warn("Migrations of schema '{}' ({}) were cut off by a lost database connection ({}); tried again in {} ms, "
                    + "with a growing wait up to {} ms", tracked.schema, tracked.bundle.getSymbolicName(), reason(cause),
                    delay.toMillis(), retryEvery.multipliedBy(1L << MAX_BACKOFF_DOUBLINGS).toMillis());
        } else {
            LOG.debug("Migrations of schema '{}' cut off again (attempt {}): {}", tracked.schema, tracked.attempts, reason(cause));
        }
        try {
            tracked.retryAfter(retrying, () -> migrateAndPublish(tracked), delay);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // deactivated meanwhile
        }
    }

    @Override
    public Optional<Problem> of(String schema) {
        return Optional.ofNullable(problems.get(schema));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        // STARTING -> ACTIVE: nothing to do.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        tracked.gone();
        // a retry that will not come is no problem of the schema any more (a failure or a refusal stays, as it did)
        problems.computeIfPresent(tracked.schema, (schema, problem) -> problem.bundleId() == bundle.getBundleId()
                && MIGRATION_RETRYING.equals(problem.state()) ? null : problem);
    }

    /**
     * A started bundle with migrations, as the tracker holds it: its schema's database service once migrated, or the
     * retry that is to come after a lost connection. Its own lock, not the extender's: the framework's thread that stops
     * the bundle never waits for a migration running on the retry thread.
     */
    static final class Tracked {
        private final Bundle bundle;
        private final String schema;
        private int attempts; // guarded by the extender
        private ServiceRegistration<PortalDatabase> registration; // guarded by this
        private ScheduledFuture<?> retry; // guarded by this
        private boolean gone; // guarded by this

        private Tracked(Bundle bundle, String schema) {
            this.bundle = bundle;
            this.schema = schema;
        }

        /** Whether the schema's database service is published. */
        synchronized boolean isPublished() {
            return registration != null;
        }

        private synchronized boolean isGone() {
            return gone;
        }

        private void published(ServiceRegistration<PortalDatabase> published) {
            synchronized (this) {
                if (!gone) {
                    registration = published;
                    return;
                }
            }
            unregisterQuietly(published); // the bundle stopped while it migrated
        }

        private synchronized void retryAfter(ScheduledExecutorService executor, Runnable attempt, Duration delay) {
            if (!gone) {
                retry = executor.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void gone() {
            ServiceRegistration<PortalDatabase> published;
            synchronized (this) {
                gone = true;
                if (retry != null) {
                    retry.cancel(false);
                }
                published = registration;
                registration = null;
            }
            if (published != null) {
                unregisterQuietly(published);
            }
        }

        private static void unregisterQuietly(ServiceRegistration<PortalDatabase> registration) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered with this bundle
            }
        }
    }

    /**
     * The bundle's scripts for this database: {@code /db/migration/V<n>__<name>.sql}, each replaced by
     * {@code /db/migration/<dialect>/V<n>__<name>.sql} of the same version where the bundle has one.
     */
    static List<Migration> migrationsOf(Bundle bundle, String dialect) throws IOException {
        return Migration.forDialect(scriptsIn(bundle, MIGRATION_FOLDER), scriptsIn(bundle, MIGRATION_FOLDER + "/" + dialect));
    }

    private static List<Migration> scriptsIn(Bundle bundle, String folder) throws IOException {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        List<Migration> migrations = new ArrayList<>();
        if (entries == null) {
            return migrations;
        }
        for (URL url : Collections.list(entries)) {
            String path = url.getPath();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            String sql;
            try (InputStream in = url.openStream()) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Migration.of(fileName, sql).ifPresentOrElse(migrations::add,
                    () -> LOG.warn("Ignoring {} in {}: migration names look like V1__create_tables.sql",
                            fileName, bundle.getSymbolicName()));
        }
        return migrations;
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new DataAccessException("Cannot reach the portal database: " + e.getMessage(), e);
        }
    }
}
