package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.db.Dialect;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.db.SqlWork;

/** {@link PortalDatabase} on a pooled {@link DataSource}: one connection and one transaction per call. */
final class SqlDatabase implements PortalDatabase {
    private final DataSource dataSource;
    private final Dialect dialect;

    SqlDatabase(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return run(work, false);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return run(work, true);
    }

    private <T> T run(SqlWork<T> work, boolean readOnly) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(connection);
                if (readOnly) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Database operation failed: " + e.getMessage(), e);
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
    public Dialect dialect() {
        return dialect;
    }
}
