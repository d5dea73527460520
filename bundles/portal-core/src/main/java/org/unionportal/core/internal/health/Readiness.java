package org.unionportal.core.internal.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.MigrationProblems;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.core.internal.faults.DatabaseUnavailable;

/**
 * Whether this node can serve: the database answers, and every started bundle that ships migrations has its
 * schema's database service (the persistence extender publishes it only after the bundle's migrations succeeded,
 * so a module whose migration failed, or that was refused as a downgrade, has none; {@link MigrationProblems} says
 * why). A load balancer asks {@code GET /api/portal/ready}; health answers DOWN for the same reasons.
 *
 * <p>Both ask often (a load balancer every few seconds, monitoring, benchmarks), so a check is kept for
 * {@link #MAX_AGE}: a database that stops answering shows within that time, and a bundle or a schema's database
 * service that comes or goes makes the next caller check again at once.
 */
@Component(service = Readiness.class)
public class Readiness {
    public static final String READY = "READY";
    /** The database state when it cannot write for want of disk space ("UP" and "DOWN" otherwise). */
    public static final String DISK_FULL = "DISK_FULL";
    public static final String MIGRATION_FAILED = MigrationProblems.MIGRATION_FAILED;
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final BundleContext context;
    private final PortalDatabase db;
    private final MigrationProblems problems;
    private final RecentCheck<Report> recent = new RecentCheck<>(this::checkNow, MAX_AGE, System::nanoTime);
    private final BundleListener bundles = event -> recent.invalidate();
    private final ServiceListener schemas = event -> recent.invalidate();

    /**
     * One schema: its key, the bundle shipping it, READY, MIGRATION_FAILED (or still migrating) or
     * DOWNGRADE_REFUSED, and, when not ready, why (no SQL details: the log has those).
     */
    public record Schema(String schema, String bundle, String state, String detail) {
    }

    /** The whole answer. */
    public record Report(boolean ready, String database, List<Schema> schemas) {
    }

    @Activate
    public Readiness(BundleContext context, @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                     @Reference MigrationProblems problems) {
        this.context = context;
        this.db = db;
        this.problems = problems;
        context.addBundleListener(bundles);
        try {
            context.addServiceListener(schemas, "(objectClass=" + PortalDatabase.class.getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(schemas);
        context.removeBundleListener(bundles);
    }

    /** The state of this node, checked at most {@link #MAX_AGE} ago (and since the last bundle or schema change). */
    public Report check() {
        return recent.get();
    }

    private Report checkNow() {
        String database = databaseState();
        List<Schema> schemas = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String schema = b.getHeaders("").get(PortalDatabase.MIGRATIONS_HEADER);
            if (schema == null || schema.isBlank() || (b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                continue;
            }
            schemas.add(schemaState(schema.strip(), b));
        }
        boolean ready = "UP".equals(database) && schemas.stream().allMatch(s -> READY.equals(s.state()));
        return new Report(ready, database, schemas);
    }

    private Schema schemaState(String schema, Bundle bundle) {
        if (hasDatabase(schema)) {
            return new Schema(schema, bundle.getSymbolicName(), READY, null);
        }
        return problems.of(schema).filter(p -> p.bundleId() == bundle.getBundleId())
                .map(p -> new Schema(schema, bundle.getSymbolicName(), p.state(), p.detail()))
                .orElse(new Schema(schema, bundle.getSymbolicName(), MIGRATION_FAILED, null));
    }

    private String databaseState() {
        try {
            // a real read of a core table, not only a live connection
            db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_SETTING WHERE NAME = ?", "-"));
            return "UP";
        } catch (RuntimeException e) {
            // a full disk is for an administrator to free, not to wait out: readiness names it
            return DatabaseUnavailable.problem(e).filter(p -> "disk_full".equals(p.code())).isPresent() ? DISK_FULL : "DOWN";
        }
    }

    private boolean hasDatabase(String schema) {
        try {
            return !context.getServiceReferences(PortalDatabase.class,
                    "(" + PortalDatabase.SCHEMA_PROPERTY + "=" + schema.replaceAll("[()*\\\\]", "") + ")").isEmpty();
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
