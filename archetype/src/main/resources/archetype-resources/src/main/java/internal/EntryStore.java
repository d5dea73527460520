package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/**
 * The module's SQL (portable: Derby and PostgreSQL). Every read and write of an existing entry takes the
 * caller's {@link DataScope}, and its {@code WHERE} starts with the scope's condition ({@link #in}): a record
 * outside the subtree is the same as a missing one.
 */
final class EntryStore {
    private static final String TABLE = "${tablePrefix}_ENTRY";
    private static final String COLUMNS = "ID, ORG_ID, ORG_PATH, TITLE, STATUS, CREATED_BY, CREATED_BY_ID, CREATED_AT, DONE_BY, DONE_AT";

    private EntryStore() {
    }

    static List<Entry> list(Connection c, DataScope scope) throws SQLException {
        Where where = in(scope);
        try (PreparedStatement ps = prepare(c, "SELECT " + COLUMNS + " FROM " + TABLE + " " + where.sql() + " ORDER BY ID", where)) {
            return entries(ps);
        }
    }

    /** The entry when it exists inside the user's subtree. */
    static Optional<Entry> visible(Connection c, DataScope scope, long id) throws SQLException {
        Where where = in(scope).and("ID = ?", id);
        try (PreparedStatement ps = prepare(c, "SELECT " + COLUMNS + " FROM " + TABLE + " " + where.sql(), where)) {
            return entries(ps).stream().findFirst();
        }
    }

    /** Entry counts per organisation and status in the user's subtree. */
    static List<EntryRules.Count> counts(Connection c, DataScope scope) throws SQLException {
        Where where = in(scope);
        try (PreparedStatement ps = prepare(c, "SELECT ORG_PATH, STATUS, COUNT(*) FROM " + TABLE + " " + where.sql()
                + " GROUP BY ORG_PATH, STATUS", where)) {
            List<EntryRules.Count> counts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new EntryRules.Count(rs.getString(1), EntryStatus.valueOf(rs.getString(2)), rs.getLong(3)));
                }
            }
            return counts;
        }
    }

    /** Entries per status in the whole portal, for the console page: only counts leave the module there. */
    static Map<EntryStatus, Long> totals(Connection c) throws SQLException {
        Map<EntryStatus, Long> totals = new EnumMap<>(EntryStatus.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, COUNT(*) FROM " + TABLE + " GROUP BY STATUS");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                totals.put(EntryStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return totals;
    }

    /** A new OPEN entry; the caller has checked that {@code orgPath} is in the creator's subtree. */
    static long insert(Connection c, long orgId, String orgPath, String title, String createdBy, long createdById)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (ORG_ID, ORG_PATH, TITLE, STATUS, CREATED_BY, "
                + "CREATED_BY_ID, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setString(2, orgPath);
            ps.setString(3, title);
            ps.setString(4, EntryStatus.OPEN.code());
            ps.setString(5, createdBy);
            ps.setLong(6, createdById);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for " + TABLE);
                }
                return keys.getLong(1);
            }
        }
    }

    static void markDone(Connection c, DataScope scope, long id, String doneBy) throws SQLException {
        Where where = in(scope).and("ID = ?", id).and("STATUS = ?", EntryStatus.OPEN.code());
        try (PreparedStatement ps = prepare(c, "UPDATE " + TABLE + " SET STATUS = ?, DONE_BY = ?, DONE_AT = ? " + where.sql(),
                EntryStatus.DONE.code(), doneBy, Timestamp.from(Instant.now()), where)) {
            ps.executeUpdate();
        }
    }

    /** The one place of the data scope: every WHERE of this store starts here. */
    private static Where in(DataScope scope) {
        return scope.where("ORG_PATH");
    }

    /** A statement with {@code leading} values first, then the WHERE's parameters. */
    private static PreparedStatement prepare(Connection c, String sql, Object... leadingThenWhere) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int index = 1;
        for (Object value : leadingThenWhere) {
            for (Object parameter : value instanceof Where where ? where.params() : new Object[] {value}) {
                ps.setObject(index++, parameter);
            }
        }
        return ps;
    }

    private static List<Entry> entries(PreparedStatement ps) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp doneAt = rs.getTimestamp("DONE_AT");
                entries.add(new Entry(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("ORG_PATH"), rs.getString("TITLE"),
                        EntryStatus.valueOf(rs.getString("STATUS")), rs.getString("CREATED_BY"), rs.getLong("CREATED_BY_ID"),
                        rs.getTimestamp("CREATED_AT").toInstant().toString(), rs.getString("DONE_BY"),
                        doneAt == null ? null : doneAt.toInstant().toString()));
            }
        }
        return entries;
    }
}
