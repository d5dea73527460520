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
 * <p>Today's implementation polls a table ({@link PolledClusterEvents}), which works on Derby and PostgreSQL alike;
 * a PostgreSQL {@code LISTEN/NOTIFY} implementation on a dedicated connection can replace it behind this interface
 * (publish would then also {@code NOTIFY} in the same transaction).
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
}
