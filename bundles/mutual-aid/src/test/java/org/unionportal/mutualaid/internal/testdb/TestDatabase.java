package org.unionportal.mutualaid.internal.testdb;

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
 * contract (one connection and one transaction per call, rolled back when the work throws), plus
 * helpers that write plans, members and enrolments.
 */
public final class TestDatabase implements PortalDatabase {
    public static final List<String> MIGRATIONS = List.of("V1__plans_enrolments_claims.sql", "V2__reminders.sql", "V3__claim_list_index.sql", "V4__figures_index.sql");

    private final String url;

    private TestDatabase(String url) {
        this.url = url;
    }

    /** A fresh database in {@code dir} with V1 and V2 applied. */
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

    public long plan(String code, String nameZh) {
        return inTransaction(c -> Jdbc.insert(c, "INSERT INTO MA_PLAN (CODE, VERSION, CURRENT_VERSION, NAME_ZH, NAME_EN, TERM_YEARS, "
                        + "FEE_FEN, FEE_BASIS, ENROL_FROM, ENROL_UNTIL, COVER_FROM, WAITING_DAYS, RULES, CREATED_BY, CREATED_AT) "
                        + "VALUES (?, 1, ?, ?, ?, 1, 5000, 'PER_YEAR', ?, ?, ?, 30, '{}', 'test', ?)",
                code, true, nameZh, code, LocalDate.of(2024, 1, 1), LocalDate.of(2030, 12, 31), LocalDate.of(2024, 1, 1),
                Instant.now()));
    }

    public long member(String name, String idNumber, String phone, String orgPath) {
        return inTransaction(c -> Jdbc.insert(c, "INSERT INTO MA_MEMBER (ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, CATEGORY, "
                        + "BASIC_INSURANCE, UNION_MEMBER, ORG_ID, ORG_PATH) VALUES (?, ?, ?, 'F', ?, 'EMPLOYEE', ?, ?, 7, ?)",
                idNumber, name, phone, LocalDate.of(1990, 1, 1), true, true, orgPath));
    }

    /** One enrolment in a batch of its own. */
    public long enrolment(long planId, String planCode, long memberId, String orgPath, LocalDate start, LocalDate end,
                          String status) {
        return inTransaction(c -> {
            long batch = Jdbc.insert(c, "INSERT INTO MA_ENROLMENT_BATCH (PLAN_ID, ORG_ID, ORG_PATH, COVER_START, COVER_END, "
                            + "PERSON_COUNT, FEE_TOTAL_FEN, STATUS, CREATED_BY, CREATED_AT) VALUES (?, 7, ?, ?, ?, 1, 5000, ?, 'test', ?)",
                    planId, orgPath, start, end, status, Instant.now());
            return Jdbc.insert(c, "INSERT INTO MA_ENROLMENT (BATCH_ID, PLAN_ID, PLAN_CODE, MEMBER_ID, ORG_PATH, COVER_START, "
                            + "COVER_END, FEE_FEN, RENEWAL, STATUS, LOCK_VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, 5000, ?, ?, 0)",
                    batch, planId, planCode, memberId, orgPath, start, end, false, status);
        });
    }
}
