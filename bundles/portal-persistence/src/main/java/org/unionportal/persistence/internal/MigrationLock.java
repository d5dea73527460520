package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.unionportal.api.db.DataAccessException;

/**
 * Serialises migrations: within this process always, and across processes on PostgreSQL with a
 * transaction-scoped advisory lock held on a connection of its own while the migrations run on others
 * (embedded Derby is opened by one process only, so the process lock is all it needs).
 */
interface MigrationLock {
    /** No lock at all: tests that migrate one database from one thread. */
    MigrationLock NONE = new MigrationLock() {
        @Override
        public <T> T holding(Supplier<T> work) {
            return work.get();
        }
    };

    /** Key of the advisory lock: any fixed number, the same in every portal process ("UNIONMIG"). */
    long ADVISORY_KEY = 0x554E494F4E4D4947L;

    <T> T holding(Supplier<T> work);

    static MigrationLock forDatabase(DataSource dataSource, String dialect) {
        ReentrantLock inProcess = new ReentrantLock();
        boolean advisory = dialect.equals("postgresql");
        return new MigrationLock() {
            @Override
            public <T> T holding(Supplier<T> work) {
                inProcess.lock();
                try {
                    if (!advisory) {
                        return work.get();
                    }
                    return holdingAdvisoryLock(dataSource, work);
                } finally {
                    inProcess.unlock();
                }
            }
        };
    }

    private static <T> T holdingAdvisoryLock(DataSource dataSource, Supplier<T> work) {
        try (Connection lockConnection = dataSource.getConnection()) {
            boolean autoCommit = lockConnection.getAutoCommit();
            lockConnection.setAutoCommit(false);
            try {
                try (Statement s = lockConnection.createStatement()) {
                    // Another process may be migrating a large table: wait for it, but not forever.
                    s.execute("SET LOCAL lock_timeout = '15min'");
                    s.execute("SET LOCAL statement_timeout = 0");
                    s.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_KEY + ")");
                }
                return work.get();
            } finally {
                // Ends the transaction and with it the advisory lock.
                lockConnection.rollback();
                lockConnection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }
}
