package org.unionportal.hardshipaid.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.db.Dialect;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.db.SqlWork;

/**
 * A real Derby database on disk with the module's migrations applied, behind the {@link PortalDatabase}
 * contract (one connection and one transaction per call, rolled back when the work throws).
 */
public final class TestDatabase implements PortalDatabase {
    public static final List<String> MIGRATIONS = List.of("V1__households_standards_batches.sql", "V2__wuxi_standards_2020.sql");

    private final String url;

    private TestDatabase(String url) {
        this.url = url;
    }

    /** A fresh database in {@code dir} with the migrations applied. */
    public static TestDatabase create(Path dir) {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        TestDatabase db = new TestDatabase("jdbc:derby:" + dir.resolve("db") + ";create=true");
        for (String name : MIGRATIONS) {
            List<String> statements = statements(resource("/db/migration/" + name));
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) {
                        s.execute(sql);
                    }
                }
                return null;
            });
        }
        return db;
    }

    /** Statements separated by a {@code ;} that ends a line; {@code --} comment lines dropped (as the migrator does). */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String resource(String name) {
        try (InputStream in = TestDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(c);
                if (readOnly) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Database operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Dialect dialect() {
        return new Dialect() {
            @Override
            public String name() {
                return "derby";
            }

            @Override
            public boolean isUniqueViolation(SQLException e) {
                return "23505".equals(e.getSQLState());
            }
        };
    }

    /** A connection outside the contract, for tests that hold a transaction open themselves. */
    public Connection connection() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    public long count(String sql, Object... params) {
        return read(c -> Jdbc.count(c, sql, params));
    }
}
