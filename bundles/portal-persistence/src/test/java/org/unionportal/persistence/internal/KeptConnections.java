package org.unionportal.persistence.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tests' PostgreSQL connections, kept open between calls as the portal's pool (HikariCP) keeps them: opening
 * one costs a server process, a start-up exchange and the catalogue lookups of every table it then touches, many
 * times the work of a short transaction, and the fuzz layer runs thousands of transactions. Without this the
 * PostgreSQL pass spent most of its time opening connections (see {@link #opened()}).
 *
 * <p>Not a library pool because of the tests' shape: hundreds of {@link ModuleTestDatabase}s per JVM, each on a
 * schema of its own, none of them ever closed. A pool per database would keep its idle connections open until the
 * JVM ends (and run out of the server's {@code max_connections}); here at most {@value #KEPT} idle connections are
 * kept for all of them together, the least recently given back closed first. A call never waits for a connection:
 * when none of its database is idle a new one is opened, so concurrent tests get as many as they ask for, as before.
 *
 * <p>A connection given back is rolled back if a transaction is open and reset to auto-commit and read committed
 * (the portal's work sets only {@code SET LOCAL}, which ends with the transaction); one found closed or failing the
 * reset is dropped, so the next call opens a new one.
 */
final class KeptConnections implements TestDataSource {
    /** Idle connections kept for every test database of the JVM together. */
    static final int KEPT = 16;

    private record Idle(String url, Connection connection) {
    }

    /** Newest first; guarded by itself. */
    private static final Deque<Idle> IDLE = new ArrayDeque<>();
    private static final AtomicLong OPENED = new AtomicLong();

    private final String url;

    KeptConnections(String url) {
        this.url = url;
    }

    /** How many physical connections were opened in this JVM (the measure of what keeping them saves). */
    static long opened() {
        return OPENED.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = take(url);
        if (physical == null) {
            physical = DriverManager.getConnection(url);
            OPENED.incrementAndGet();
        }
        return handle(physical);
    }

    private static Connection take(String url) {
        synchronized (IDLE) {
            for (Iterator<Idle> it = IDLE.iterator(); it.hasNext(); ) {
                Idle idle = it.next();
                if (idle.url().equals(url)) {
                    it.remove();
                    return idle.connection();
                }
            }
        }
        return null;
    }

    private void giveBack(Connection physical) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (physical.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
                physical.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            physical.clearWarnings();
        } catch (SQLException broken) {
            closeQuietly(physical);
            return;
        }
        Idle oldest = null;
        synchronized (IDLE) {
            IDLE.addFirst(new Idle(url, physical));
            if (IDLE.size() > KEPT) {
                oldest = IDLE.removeLast();
            }
        }
        if (oldest != null) {
            closeQuietly(oldest.connection());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // dropped either way
        }
    }

    /** What the caller gets: the physical connection, but {@code close()} gives it back, once; after that it is closed. */
    private Connection handle(Connection physical) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                giveBack(physical);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || physical.isClosed();
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            if (closed[0] && !method.getName().equals("toString")) {
                                throw new SQLException("This connection was given back", "08003");
                            }
                        }
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
