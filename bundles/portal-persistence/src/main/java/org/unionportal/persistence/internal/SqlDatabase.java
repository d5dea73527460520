package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.db.Dialect;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.db.SqlWork;

/** {@link PortalDatabase} on a pooled {@link DataSource}: one connection and one transaction per call. */
final class SqlDatabase implements PortalDatabase {
    private final DataSource dataSource;
    private final Dialect dialect;
    // Starts at an arbitrary number, so that answers kept under another instance's numbers never match.
    private final java.util.concurrent.atomic.AtomicLong writeGeneration = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    /** On PostgreSQL, the generation shared by every portal process on the database (see {@link #writeGeneration()}). */
    private final SharedGeneration shared;

    SqlDatabase(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.shared = "postgresql".equals(dialect.name()) ? new SharedGeneration(dataSource) : null;
    }

    /** How many runs of its work one call makes at most while each is a deadlock victim; the last failure is reported. */
    static final int DEADLOCK_ATTEMPTS = 4;

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return runWithRetries(work, false);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        // Readers take row locks for the length of a statement in Derby, so they can be victims too.
        return runWithRetries(work, true);
    }

    /**
     * How many pooled connections found closed before any work ran one call takes at most: the last of them is
     * reported. After Derby shut its database down (a full disk) or a server went away, the pool may still hold
     * a few such connections; a database that stays gone must not keep a call looping.
     */
    static final int STALE_CONNECTION_ATTEMPTS = 3;

    /**
     * Runs {@code work} on a connection of its own, and again in two cases, each counted on its own: the connection
     * was found closed before the work ran (the work did not run, so this is no run of it; at most
     * {@link #STALE_CONNECTION_ATTEMPTS} such connections per call), or the work's transaction was a deadlock victim
     * (at most {@link #DEADLOCK_ATTEMPTS} runs of the work per call).
     */
    private <T> T runWithRetries(SqlWork<T> work, boolean readOnly) {
        int staleConnections = 0;
        int deadlockedRuns = 0;
        while (true) {
            try {
                return run(work, readOnly);
            } catch (StaleConnection e) {
                // nothing ran on it: the pool drops it (SQLSTATE class 08), the next connection is a new one
                staleConnections++;
                if (staleConnections >= STALE_CONNECTION_ATTEMPTS) {
                    throw new DataAccessException("Database operation failed: " + e.getCause().getMessage(), e.getCause());
                }
            } catch (DataAccessException e) {
                if (!isDeadlock(e.getCause())) {
                    throw e;
                }
                deadlockedRuns++;
                if (deadlockedRuns >= DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                pause(deadlockedRuns);
            }
        }
    }

    /**
     * Failures worth running the transaction again for: SQLSTATE 40001 (serialization failure, or Derby's
     * deadlock victim), PostgreSQL's 40P01 (deadlock detected) and 55P03 (lock_timeout passed), and Derby's
     * 40XL1 (a lock wait timed out): under heavy write load such a transaction usually goes through next time.
     */
    static boolean isDeadlock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null && RETRIED_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> RETRIED_STATES = Set.of("40001", "40P01", "55P03", "40XL1");

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T run(SqlWork<T> work, boolean readOnly) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                readCommitted(connection);
            } catch (SQLException e) {
                if (isClosedConnection(e)) {
                    // a pooled connection of a database Derby shut down (a full disk) or a server that went away
                    throw new StaleConnection(e);
                }
                throw e;
            }
            Throwable failure = null;
            try {
                if (readOnly) {
                    T result = work.run(connection);
                    connection.rollback();
                    return result;
                }
                WriteWatch watch = new WriteWatch(connection);
                T result = work.run(watch.connection());
                connection.commit();
                if (watch.wrote()) {
                    // after the commit, so that a reader who saw the old number may only have read older data
                    writeGeneration.incrementAndGet();
                    if (shared != null) {
                        shared.advance(connection);
                    }
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException restoreFailure) {
                    // a connection the failure closed (Derby shuts a database down on a full disk): the failure is the news
                    if (failure == null) {
                        throw restoreFailure;
                    }
                    failure.addSuppressed(restoreFailure);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Database operation failed: " + e.getMessage(), e);
        }
    }

    /** The physical connections (under the pool's proxies) already set to read committed, each once for its life. */
    private static final Set<Connection> READ_COMMITTED = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    /**
     * Every transaction reads committed data. The level is set on the pool's physical connection, once: PostgreSQL's
     * driver sends it to the server each time it is set (a round trip per transaction), and set through the pool's
     * proxy it would be marked changed and set back when the connection returns to the pool.
     */
    private static void readCommitted(Connection connection) throws SQLException {
        Connection physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
        if (!READ_COMMITTED.contains(physical)) {
            physical.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            READ_COMMITTED.add(physical);
        }
    }

    /** SQLSTATE class 08: the connection is gone (Derby's 08003 "no current connection", a server that closed it). */
    static boolean isClosedConnection(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** A pooled connection found closed before any work ran on it: safe to take another. */
    private static final class StaleConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleConnection(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public long writeGeneration() {
        if (shared != null) {
            long g = shared.current();
            if (g >= 0) {
                return g;
            }
        }
        return writeGeneration.get(); // Derby (one process), or PostgreSQL's sequence cannot be read now
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }
}
