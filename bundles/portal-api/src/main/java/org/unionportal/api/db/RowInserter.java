package org.unionportal.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows into one table on the caller's connection and transaction, several rows per statement
 * ({@code INSERT INTO T (A, B) VALUES (?, ?), (?, ?), ...}), for bulk writes such as a 100,000-row roster. Embedded
 * Derby runs a JDBC batch as one execution per row, and each execution opens the table and every index of it and
 * closes them again; one statement of many rows opens them once. PostgreSQL gets the multi-row statement that its
 * driver's {@code reWriteBatchedInserts} would have made of a batch. Rows are sent as they come, a statement's worth
 * at a time, so a caller can stream rows without holding them all.
 *
 * <pre>{@code
 * try (RowInserter insert = RowInserter.into(c, "T", "A", "B")) {
 *     for (...) insert.add(a, b);
 * }   // close() sends the rows still waiting
 * }</pre>
 *
 * Values are bound as {@link Jdbc#bind} binds them ({@code LocalDate}, {@code Instant}, enums, nulls). A failure
 * (a unique key, say) fails the statement of its rows; the caller's transaction decides what happens to the rest.
 *
 * @since 1.3
 */
public final class RowInserter implements AutoCloseable {
    /** At most this many parameters in one statement: enough rows to share the statement's cost, a plan Derby compiles fast. */
    static final int MAX_PARAMETERS = 1000;
    /** At most this many rows in one statement. */
    static final int MAX_ROWS = 100;

    private final Connection connection;
    private final String head;
    private final int columns;
    private final int rowsPerStatement;
    private final List<Object[]> waiting;
    private PreparedStatement full;
    private int inserted;

    private RowInserter(Connection connection, String table, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("no columns for " + table);
        }
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.columns = columns.length;
        this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.length));
        this.waiting = new ArrayList<>(rowsPerStatement);
    }

    /** An inserter into {@code table}'s {@code columns}; {@link #add} takes each row's values in that order. */
    public static RowInserter into(Connection c, String table, String... columns) {
        return new RowInserter(c, table, columns);
    }

    /** One row's values, in the order of the columns; sent with the next full statement or at {@link #close}. */
    public void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        waiting.add(values);
        if (waiting.size() == rowsPerStatement) {
            if (full == null) {
                full = connection.prepareStatement(sql(rowsPerStatement));
            }
            send(full);
        }
    }

    /** How many rows were inserted so far (sent, not waiting). */
    public int inserted() {
        return inserted;
    }

    /** Sends the rows still waiting (in one statement of their own size) and closes the statements. */
    @Override
    public void close() throws SQLException {
        try {
            if (!waiting.isEmpty()) {
                try (PreparedStatement rest = connection.prepareStatement(sql(waiting.size()))) {
                    send(rest);
                }
            }
        } finally {
            if (full != null) {
                full.close();
                full = null;
            }
        }
    }

    private void send(PreparedStatement ps) throws SQLException {
        Object[] all = new Object[waiting.size() * columns];
        for (int i = 0; i < waiting.size(); i++) {
            System.arraycopy(waiting.get(i), 0, all, i * columns, columns);
        }
        Jdbc.bind(ps, all);
        inserted += ps.executeUpdate();
        waiting.clear();
    }

    private String sql(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return head + String.join(", ", Collections.nCopies(rows, row));
    }
}
