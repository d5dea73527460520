package org.unionportal.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 */
@Component(immediate = true, service = {})
public class MigrationExtender implements BundleTrackerCustomizer<ServiceRegistration<PortalDatabase>>, MigrationProblems {
    static final String MIGRATION_FOLDER = "/db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final SqlDatabase database;
    private final Migrator migrator;
    private final BundleTracker<ServiceRegistration<PortalDatabase>> tracker;
    private final BundleContext context;
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final ServiceRegistration<MigrationProblems> problemsRegistration;

    @Activate
    public MigrationExtender(BundleContext context,
                             @Reference(target = "(dataSourceName=portal)") DataSource dataSource) {
        this.context = context;
        this.database = new SqlDatabase(dataSource, Dialects.forProduct(productName(dataSource)));
        this.migrator = new Migrator(database, MigrationLock.forDatabase(dataSource, database.dialect().name()));
        migrator.ensureHistoryTable();
        // Registered by hand before the tracker opens: a DS service of this component would be asked for (by
        // readiness, once the core's schema is published) while this constructor still runs, a circular reference.
        this.problemsRegistration = context.registerService(MigrationProblems.class, this, null);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        problemsRegistration.unregister();
    }

    @Override
    public synchronized ServiceRegistration<PortalDatabase> addingBundle(Bundle bundle, BundleEvent event) {
        String schema = bundle.getHeaders("").get(PortalDatabase.MIGRATIONS_HEADER);
        if (schema == null || schema.isBlank()) {
            return null;
        }
        schema = schema.strip();
        try {
            int applied = migrator.migrate(schema, migrationsOf(bundle, database.dialect().name()));
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
        return context.registerService(PortalDatabase.class, database, properties);
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
