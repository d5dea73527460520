package org.unionportal.mutualaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/** Uploaded rosters, kept from the preview until they are confirmed (the confirm reads the same file again). */
public final class RosterUploadStore {
    public static final String PREVIEWED = "PREVIEWED";
    public static final String CONFIRMED = "CONFIRMED";

    private RosterUploadStore() {
    }

    /** An uploaded roster and the union it was uploaded for. */
    public record Upload(long id, long planId, long orgId, String orgPath, String fileName, byte[] content, String status) {
    }

    public static long insert(Connection c, long planId, OrganisationInfo org, String fileName, byte[] content, int rows,
                              int problems, String user) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO MA_ROSTER_UPLOAD (PLAN_ID, ORG_ID, ORG_PATH, FILE_NAME, CONTENT, ROW_COUNT, PROBLEM_COUNT, "
                        + "STATUS, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                planId, org.id(), org.path(), fileName, content, rows, problems, PREVIEWED, user, Instant.now());
    }

    /** An upload of the subtree; another subtree's is not found. */
    public static Optional<Upload> byId(Connection c, long id, DataScope scope) throws SQLException {
        Where where = scope.where("ORG_PATH").and("ID = ?", id);
        return Jdbc.one(c, "SELECT ID, PLAN_ID, ORG_ID, ORG_PATH, FILE_NAME, CONTENT, STATUS FROM MA_ROSTER_UPLOAD " + where.sql(),
                rs -> new Upload(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6),
                        rs.getString(7)), where.params());
    }

    /** The union an upload of the subtree was made for, without its content (read before a transaction). */
    public static Optional<Long> orgOf(Connection c, long id, DataScope scope) throws SQLException {
        Where where = scope.where("ORG_PATH").and("ID = ?", id);
        return Jdbc.one(c, "SELECT ORG_ID FROM MA_ROSTER_UPLOAD " + where.sql(), rs -> rs.getLong(1), where.params());
    }

    /**
     * Previewed -> confirmed; false when it was confirmed already. The update takes the upload's row lock, so a
     * second confirm waits for the first and then sees it confirmed.
     */
    public static boolean confirm(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "UPDATE MA_ROSTER_UPLOAD SET STATUS = ? WHERE ID = ? AND STATUS = ?", CONFIRMED, id, PREVIEWED) == 1;
    }
}
