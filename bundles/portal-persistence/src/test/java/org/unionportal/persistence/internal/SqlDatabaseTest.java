package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.db.Jdbc;

class SqlDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void onlyDeadlocksAndLockTimeoutsAreRunAgain() {
        assertTrue(SqlDatabase.isDeadlock(new RuntimeException(new SQLException("deadlock", "40001"))));
        assertTrue(SqlDatabase.isDeadlock(new SQLException("lock wait", "40XL1")));
        assertFalse(SqlDatabase.isDeadlock(new SQLException("duplicate", "23505")));
        // Derby's wrapped exceptions carry no state (seen when a full disk shut its database down): not retried, no NPE
        assertFalse(SqlDatabase.isDeadlock(new SQLException("no state", (String) null, new SQLException("gone", "08003"))));
    }

    /** After Derby shut its database down (a full disk), the pool still holds its old connections for a moment. */
    @Test
    void aPooledConnectionFoundClosedBeforeAnyWorkIsReplaced() {
        DriverManagerDataSource real = derby();
        AtomicInteger handedOut = new AtomicInteger();
        SqlDatabase database = new SqlDatabase(pool(() -> handedOut.incrementAndGet() <= 2 ? closed() : real.getConnection()),
                Dialects.forProduct("Apache Derby"));
        AtomicInteger runs = new AtomicInteger();
        long count = database.inTransaction(c -> {
            runs.incrementAndGet();
            return Jdbc.count(c, "SELECT COUNT(*) FROM SYS.SYSTABLES");
        });
        assertTrue(count > 0);
        assertEquals(3, handedOut.get(), "two closed connections given up, the third used");
        assertEquals(1, runs.get(), "the work ran once");
    }

    @Test
    void connectionsThatStayClosedAreReportedNotRetriedForever() {
        AtomicInteger handedOut = new AtomicInteger();
        SqlDatabase database = new SqlDatabase(pool(() -> {
            handedOut.incrementAndGet();
            return closed();
        }), Dialects.forProduct("Apache Derby"));
        DataAccessException e = assertThrows(DataAccessException.class, () -> database.read(c -> 1));
        assertEquals("08003", ((SQLException) e.getCause()).getSQLState());
        assertEquals(SqlDatabase.STALE_CONNECTION_ATTEMPTS, handedOut.get());
    }

    /** Deadlock retries between them do not renew the stale-connection bound of a call. */
    @Test
    void atMostThreeStaleConnectionsPerCallEvenWithDeadlockRetriesBetweenThem() {
        DriverManagerDataSource real = derby();
        AtomicInteger handedOut = new AtomicInteger();
        // closed, a real one (its run is a deadlock victim), closed, a real one (a victim again), closed, then only real ones
        SqlDatabase database = new SqlDatabase(pool(() -> handedOut.incrementAndGet() % 2 == 1 && handedOut.get() <= 5
                ? closed() : real.getConnection()), Dialects.forProduct("Apache Derby"));
        AtomicInteger runs = new AtomicInteger();
        DataAccessException e = assertThrows(DataAccessException.class, () -> database.inTransaction(c -> {
            runs.incrementAndGet();
            throw new SQLException("deadlock victim", "40001");
        }));
        assertEquals("08003", ((SQLException) e.getCause()).getSQLState(), "the third closed connection is reported");
        assertEquals(5, handedOut.get(), "three closed connections, two runs");
        assertEquals(2, runs.get());
    }

    /** Closed connections found on the way cost no run: a deadlock victim still gets all its runs. */
    @Test
    void staleConnectionsDoNotUseUpTheDeadlockRuns() {
        DriverManagerDataSource real = derby();
        AtomicInteger handedOut = new AtomicInteger();
        SqlDatabase database = new SqlDatabase(pool(() -> handedOut.incrementAndGet() <= 2 ? closed() : real.getConnection()),
                Dialects.forProduct("Apache Derby"));
        AtomicInteger runs = new AtomicInteger();
        DataAccessException e = assertThrows(DataAccessException.class, () -> database.inTransaction(c -> {
            runs.incrementAndGet();
            throw new SQLException("deadlock victim", "40001");
        }));
        assertEquals("40001", ((SQLException) e.getCause()).getSQLState());
        assertEquals(SqlDatabase.DEADLOCK_ATTEMPTS, runs.get());
        assertEquals(2 + SqlDatabase.DEADLOCK_ATTEMPTS, handedOut.get());
    }

    /** A deadlock victim that goes through on a later run returns its result once. */
    @Test
    void aDeadlockVictimIsRunAgainUntilItGoesThrough() {
        DriverManagerDataSource real = derby();
        SqlDatabase database = new SqlDatabase(pool(real::getConnection), Dialects.forProduct("Apache Derby"));
        AtomicInteger runs = new AtomicInteger();
        int result = database.inTransaction(c -> {
            if (runs.incrementAndGet() < 3) {
                throw new SQLException("deadlock victim", "40P01");
            }
            return 7;
        });
        assertEquals(7, result);
        assertEquals(3, runs.get());
    }

    private DriverManagerDataSource derby() {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        return new DriverManagerDataSource("jdbc:derby:" + dir.resolve("db") + ";create=true");
    }

    interface Connections {
        Connection next() throws SQLException;
    }

    /** A data source handing out what {@code connections} gives, as a pool hands out what it holds. */
    private static DataSource pool(Connections connections) {
        return (DataSource) Proxy.newProxyInstance(SqlDatabaseTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connections.next();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A connection as Derby leaves it after shutting its database down: every call but close fails with 08003. */
    private static Connection closed() {
        return (Connection) Proxy.newProxyInstance(SqlDatabaseTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new SQLException("No current connection.", "08003");
                });
    }
}
