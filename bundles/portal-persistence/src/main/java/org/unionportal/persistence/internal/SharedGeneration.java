package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write generation shared by every portal process on one PostgreSQL database, so that answers one node keeps
 * (mutual aid's claims pages) are dropped after another node's write too: the sequence {@value #SEQUENCE}, advanced
 * by {@code nextval} after each committed transaction that wrote and read as {@code last_value}. A sequence takes no
 * row lock and is not transactional, so writers never wait for each other on it; the cost is one short statement
 * after a write and one before a kept answer is served, shared by the requests that ask at the same time
 * ({@link FreshRead}).
 */
final class SharedGeneration {
    static final String SEQUENCE = "union_write_generation";
    private static final Logger LOG = LoggerFactory.getLogger(SharedGeneration.class);

    private final DataSource dataSource;
    private volatile boolean created;
    private final FreshRead reads = new FreshRead(this::read);

    SharedGeneration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Advances the generation on {@code connection}, just after its transaction committed; the connection is left in
     * auto-commit (a sequence is not transactional: a transaction around {@code nextval} would only cost its commit's
     * round trip).
     */
    void advance(Connection connection) {
        try {
            connection.setAutoCommit(true);
            ensureCreated(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT nextval('" + SEQUENCE + "')");
            }
        } catch (SQLException e) {
            LOG.warn("The shared write generation could not be advanced; other nodes may serve kept answers until the next write: {}",
                    e.getMessage());
        }
    }

    /** The generation as of this call or later, or -1 when it cannot be read. */
    long current() {
        return reads.get();
    }

    private long read() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ensureCreated(c);
            try (ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + SEQUENCE)) {
                return rs.next() && rs.getBoolean(2) ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            LOG.debug("The shared write generation cannot be read now", e);
            return -1;
        }
    }

    private void ensureCreated(Connection c) throws SQLException {
        if (created) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE);
        } catch (SQLException e) {
            // two nodes creating it at once: one of them gets a unique violation on the catalogue; it exists then
            if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        created = true;
    }
}
