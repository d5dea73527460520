package org.unionportal.core.internal.switches;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.scope.DataScope;

/**
 * The SQL of module switches: markers, and the old log table (PORTAL_MODULE_SWITCH_LOG, read but no longer
 * written: changes go to the audit trail). Every method runs on a given connection.
 */
final class SwitchStore {
    private SwitchStore() {
    }

    /** A row of the switch log. */
    public record LogEntry(long id, Instant at, String username, long orgId, String orgName, String module, boolean on) {
    }

    static List<Marker> markers(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT S.ORG_ID, O.PATH, O.NAME, S.MODULE_ID, S.SET_BY, S.SET_AT"
                        + " FROM PORTAL_MODULE_SWITCH S JOIN PORTAL_ORGANISATION O ON O.ID = S.ORG_ID",
                rs -> new Marker(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
    }

    /** Places a marker; false when the organisation had one for the module already. */
    static boolean insert(Connection c, long orgId, String module, String username, Instant at) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_MODULE_SWITCH WHERE ORG_ID = ? AND MODULE_ID = ?", orgId, module) > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO PORTAL_MODULE_SWITCH (ORG_ID, MODULE_ID, SET_BY, SET_AT) VALUES (?, ?, ?, ?)",
                orgId, module, username, Timestamp.from(at));
        return true;
    }

    static boolean delete(Connection c, long orgId, String module) throws SQLException {
        return Jdbc.update(c, "DELETE FROM PORTAL_MODULE_SWITCH WHERE ORG_ID = ? AND MODULE_ID = ?", orgId, module) > 0;
    }

    /** The newest {@code limit} changes on organisations whose path starts with {@code pathPrefix}. */
    static List<LogEntry> log(Connection c, DataScope scope, int limit) throws SQLException {
        List<LogEntry> result = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement ps = Jdbc.prepare(c,
                "SELECT L.ID, L.OCCURRED_AT, L.USERNAME, L.ORG_ID, O.NAME, L.MODULE_ID, L.SWITCHED_ON"
                        + " FROM PORTAL_MODULE_SWITCH_LOG L JOIN PORTAL_ORGANISATION O ON O.ID = L.ORG_ID"
                        + " WHERE " + scope.on("O.PATH").sql() + " ORDER BY L.ID DESC", scope.on("O.PATH").parameter())) {
            ps.setMaxRows(limit);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new LogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7) == 1));
                }
            }
        }
        return result;
    }
}
