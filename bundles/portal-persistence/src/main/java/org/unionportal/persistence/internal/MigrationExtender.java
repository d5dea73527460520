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
 */
@Component(immediate = true, service = {})
public class MigrationExtender implements BundleTrackerCustomizer<ServiceRegistration<PortalDatabase>>, MigrationProblems {
    static final String MIGRATION_FOLDER = "/db/migration";
    /**
     * How long activation waits for a first connection before leaving the waiting to the extender's thread: short,
     * as it holds up the thread that registered the pool and anyone waiting for this component meanwhile.
     */
    static final long FIRST_ANSWER_SECONDS = 3;
    static final long RETRY_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final BundleContext context;
    private final DataSource dataSource;
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final ServiceRegistration<MigrationProblems> problemsRegistration;
    private final ScheduledExecutorService waiting;
    private final Duration retryEvery;
    private final Object lifecycle = new Object();
    /** Set once the database answered; the tracker (so {@link #addingBundle}) opens only after that. */
    private volatile Connected connected;
    private BundleTracker<ServiceRegistration<PortalDatabase>> tracker; // guarded by lifecycle
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
        BundleTracker<ServiceRegistration<PortalDatabase>> open;
        synchronized (lifecycle) {
            closed = true;
            open = tracker;
        }
        waiting.shutdownNow();
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
        BundleTracker<ServiceRegistration<PortalDatabase>> opening;
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
    public synchronized ServiceRegistration<PortalDatabase> addingBundle(Bundle bundle, BundleEvent event) {
        String schema = bundle.getHeaders("").get(PortalDatabase.MIGRATIONS_HEADER);
        if (schema == null || schema.isBlank()) {
            return null;
        }
        schema = schema.strip();
        Connected db = connected;
        try {
            int applied = db.migrator().migrate(schema, migrationsOf(bundle, db.database().dialect().name()));
            problems.remove(schema);
            LOG.info("Schema '{}' of {} is up to date ({} new migrations)", schema, bundle.getSymbolicName(), applied);
        } catch (DowngradeRefused e) {
            problems.put(schema, new Problem(schema, bundle.getBundleId(), DOWNGRADE_REFUSED, e.getMessage()));
            LOG.error("{} {}: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
            return null;
        } catch (DataAccessException | IOException e) {
            problems.put(schema, new Problem(schema, bundle.getBundleId(), MIGRATION_FAILED,
                    "Migrations of schema '" + schema + "' failed; the portal's log has the cause."));
            // The schema's database service is not published, so the module's components wait
            // instead of failing on missing tables.
            LOG.error("Migrations of schema '{}' ({}) failed; its database service stays unavailable",
                    schema, bundle.getSymbolicName(), e);
            return null;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PortalDatabase.SCHEMA_PROPERTY, schema);
        properties.put("union.schema.bundle", bundle.getBundleId());
        return context.registerService(PortalDatabase.class, db.database(), properties);
    }

    @Override
    public Optional<Problem> of(String schema) {
        return Optional.ofNullable(problems.get(schema));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<PortalDatabase> registration) {
        // STARTING -> ACTIVE: nothing to do.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<PortalDatabase> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with this bundle
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
