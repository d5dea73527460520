package org.unionportal.core.internal.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Tells the other portal nodes sharing the database that something changed (a module switch, a setting, a cache
 * to drop). A change is published by the node where it happened, in the change's own transaction (so it is heard
 * only if it commits); listeners hear the events of the <em>other</em> nodes: the node's own change is handled where
 * it is made, as on a single node.
 *
 * <p>The implementation ({@link PolledClusterEvents}) keeps events in a table read every second, on Derby and
 * PostgreSQL alike; on PostgreSQL a publishing transaction also sends a {@code NOTIFY}, which wakes the other nodes'
 * readers at once (a notifying commit takes a database-wide lock, so publish only the few rare changes that need it).
 */
public interface ClusterEvents {
    /** Topics the core uses. */
    String MODULE_SWITCHES = "portal.module-switches";
    String SETTINGS = "portal.settings";
    String MODULES_WANTED = "portal.modules-wanted";

    /** An event of another node. */
    record Event(long id, String topic, String payload, String origin) {
    }

    /** Publishes in {@code c}'s transaction: the other nodes hear it once that commits, and not at all otherwise. */
    void publish(Connection c, String topic, String payload) throws SQLException;

    /** Publishes in a transaction of its own. */
    void publish(String topic, String payload);

    /** Calls {@code listener} (on the events thread) for every event of another node on {@code topic}; close to stop. */
    AutoCloseable subscribe(String topic, Consumer<Event> listener);

    /**
     * As {@link #subscribe}, and also for this node's own events once they committed (for caches that a change made
     * here may have been re-filled from before its commit).
     */
    AutoCloseable subscribeIncludingOwn(String topic, Consumer<Event> listener);
}
