package org.unionportal.core.internal.health;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;

/**
 * Whether this node can serve: the database answers, and every started bundle that ships migrations has its
 * schema's database service (the persistence extender publishes it only after the bundle's migrations succeeded,
 * so a module whose migration failed has none). A load balancer asks {@code GET /api/portal/ready}; health
 * answers DOWN for the same reasons.
 */
@Component(service = Readiness.class)
public class Readiness {
    public static final String READY = "READY";
    public static final String MIGRATION_FAILED = "MIGRATION_FAILED";

    private final BundleContext context;
    private final PortalDatabase db;

    /** One schema: its key, the bundle shipping it, READY or MIGRATION_FAILED (or still migrating). */
    public record Schema(String schema, String bundle, String state) {
    }

    /** The whole answer. */
    public record Report(boolean ready, String database, List<Schema> schemas) {
    }

    @Activate
    public Readiness(BundleContext context, @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db) {
        this.context = context;
        this.db = db;
    }

    public Report check() {
        String database = databaseState();
        List<Schema> schemas = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String schema = b.getHeaders("").get(PortalDatabase.MIGRATIONS_HEADER);
            if (schema == null || schema.isBlank() || (b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                continue;
            }
            schemas.add(new Schema(schema.strip(), b.getSymbolicName(), hasDatabase(schema.strip()) ? READY : MIGRATION_FAILED));
        }
        boolean ready = "UP".equals(database) && schemas.stream().allMatch(s -> READY.equals(s.state()));
        return new Report(ready, database, schemas);
    }

    private String databaseState() {
        try {
            // a real read of a core table, not only a live connection
            db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_SETTING WHERE NAME = ?", "-"));
            return "UP";
        } catch (RuntimeException e) {
            return "DOWN";
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
