package org.unionportal.core.internal.cluster;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} as a wake-up call for {@link PolledClusterEvents}: a publishing transaction
 * sends {@code NOTIFY} {@value #CHANNEL} (delivered only if it commits), and each node keeps one pooled connection
 * listening, on a thread of its own, and reads the event table at once when woken. The events themselves stay in
 * the table, so a notification lost while a listener reconnects delays an event by at most one poll.
 *
 * <p>The driver's {@code PGConnection.getNotifications(int)} is called reflectively on the unwrapped connection, so
 * the core needs no import of the driver's packages (which are absent on Derby).
 */
final class Notifications implements Runnable {
    static final String CHANNEL = "union_portal_cluster_events";
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final int WAIT_MILLIS = 1000;

    private final PortalDatabase db;
    private final Runnable wakeUp;
    private volatile boolean running = true;
    private volatile boolean listening;

    Notifications(PortalDatabase db, Runnable wakeUp) {
        this.db = db;
        this.wakeUp = wakeUp;
    }

    static boolean available(PortalDatabase db) {
        return "postgresql".equalsIgnoreCase(db.dialect().name());
    }

    /** Sends the wake-up in {@code c}'s transaction. */
    static void notify(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        }
    }

    boolean listening() {
        return listening;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                db.read(c -> {
                    listen(c);
                    return null;
                });
            } catch (RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warn("Cluster events: cannot listen for notifications now ({}); polling meanwhile", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Listens on {@code c} until stopped or the connection fails. */
    private void listen(Connection c) throws SQLException {
        Connection raw = c.unwrap(Connection.class);
        Method poll;
        try {
            poll = raw.getClass().getMethod("getNotifications", int.class);
        } catch (NoSuchMethodException e) {
            throw new SQLException("not a PostgreSQL connection: " + raw.getClass().getName(), e);
        }
        c.setAutoCommit(true); // LISTEN takes effect at commit
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        wakeUp.run(); // events published while no one listened
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                Object[] heard = (Object[]) poll.invoke(raw, WAIT_MILLIS);
                if (heard != null && heard.length > 0) {
                    wakeUp.run();
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new SQLException("notifications failed", e.getCause() != null ? e.getCause() : e);
        } finally {
            listening = false;
            try (Statement s = c.createStatement()) {
                s.execute("UNLISTEN " + CHANNEL);
            } catch (SQLException ignored) {
                // the connection is broken; the pool drops it
            }
            c.setAutoCommit(false);
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
