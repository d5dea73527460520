package org.unionportal.api.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Work that must happen once among the portal nodes sharing one database (a service of the core; on Derby there is
 * one node, and it behaves the same).
 *
 * @since 1.2
 */
@ProviderType
public interface ClusterCoordination {
    /**
     * Holds the database lock {@code name} in {@code c}'s transaction until it ends, waiting while another node's
     * transaction holds it: for first-start seeding ("if the table is empty, fill it"), so that a node started
     * together with another finds the other's rows instead of adding them twice. Call it before the emptiness check.
     */
    void lockUntilCommit(Connection c, String name) throws SQLException;

    /**
     * Takes (or renews) the lease {@code name} for this node for {@code ttl}; true when this node holds it now. A
     * periodic job that every node schedules runs its work only while it holds the lease, so once in the cluster;
     * when the holder dies, another node takes the lease once it expired.
     */
    boolean lease(String name, Duration ttl);
}
