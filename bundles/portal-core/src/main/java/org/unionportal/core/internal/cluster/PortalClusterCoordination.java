package org.unionportal.core.internal.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.ClusterCoordination;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;

/**
 * {@link ClusterCoordination} on {@code PORTAL_LEASE}: a lock is a row of that table updated in the caller's
 * transaction (the row lock serialises the callers on Derby and PostgreSQL alike; PostgreSQL's lock_timeout makes a
 * long wait a retried transaction), a lease is {@link Leases}.
 */
@Component(service = ClusterCoordination.class)
public class PortalClusterCoordination implements ClusterCoordination {
    private final PortalDatabase db;
    private final String self;
    private final Clock clock;

    @Activate
    public PortalClusterCoordination(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                                     @Reference ClusterNode node) {
        this(db, node.id(), Clock.systemUTC());
    }

    public PortalClusterCoordination(PortalDatabase db, String self, Clock clock) {
        this.db = db;
        this.self = self;
        this.clock = clock;
    }

    @Override
    public void lockUntilCommit(Connection c, String name) throws SQLException {
        String row = "lock:" + name;
        if (Jdbc.update(c, "UPDATE PORTAL_LEASE SET EXPIRES_AT = EXPIRES_AT WHERE NAME = ?", row) == 1) {
            return;
        }
        // the first use: the row is made in a transaction of its own (a node racing us may make it first)
        db.inTransaction(own -> Leases.acquire(own, row, "nobody", Instant.EPOCH, Duration.ZERO));
        if (Jdbc.update(c, "UPDATE PORTAL_LEASE SET EXPIRES_AT = EXPIRES_AT WHERE NAME = ?", row) != 1) {
            throw new SQLException("The lock row " + row + " is missing");
        }
    }

    @Override
    public boolean lease(String name, Duration ttl) {
        return db.inTransaction(c -> Leases.acquire(c, name, self, clock.instant(), ttl));
    }

}
