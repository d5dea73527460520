package org.unionportal.core.internal.home;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/** The PORTAL_NOTICE table. Every query is scoped by a {@link DataScope}. */
final class NoticeStore {
    private static final String COLUMNS = "SELECT N.ID, N.ORG_ID, N.ORG_PATH, O.NAME, N.TITLE, N.BODY, N.PUBLISHED_BY, "
            + "N.PUBLISHED_BY_NAME, N.PUBLISHED_AT, N.WITHDRAWN_AT FROM PORTAL_NOTICE N JOIN PORTAL_ORGANISATION O ON O.ID = N.ORG_ID ";

    private NoticeStore() {
    }

    static long publish(Connection c, long orgId, String orgPath, String title, String body, String by, String byName,
                        Instant at) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO PORTAL_NOTICE (ORG_ID, ORG_PATH, TITLE, BODY, PUBLISHED_BY, PUBLISHED_BY_NAME, "
                + "PUBLISHED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", orgId, orgPath, title, body, by, byName, Timestamp.from(at));
    }

    /** The notices that reach {@code scope} (published at its organisation or above), not withdrawn, newest first. */
    static List<Notice> reaching(Connection c, DataScope scope, int limit) throws SQLException {
        Where where = scope.reachedBy("N.ORG_PATH").and("N.WITHDRAWN_AT IS NULL");
        return Jdbc.list(c, COLUMNS + where.sql() + " ORDER BY N.PUBLISHED_AT DESC, N.ID DESC FETCH FIRST " + limit + " ROWS ONLY",
                NoticeStore::notice, where.params());
    }

    /** The notices published inside {@code scope} (what its administrator manages), withdrawn ones too, newest first. */
    static List<Notice> publishedIn(Connection c, DataScope scope, int limit) throws SQLException {
        Where where = scope.where("N.ORG_PATH");
        return Jdbc.list(c, COLUMNS + where.sql() + " ORDER BY N.PUBLISHED_AT DESC, N.ID DESC FETCH FIRST " + limit + " ROWS ONLY",
                NoticeStore::notice, where.params());
    }

    static Optional<Notice> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, COLUMNS + "WHERE N.ID = ?", NoticeStore::notice, id);
    }

    static boolean withdraw(Connection c, long id, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE PORTAL_NOTICE SET WITHDRAWN_AT = ? WHERE ID = ? AND WITHDRAWN_AT IS NULL", Timestamp.from(at), id) == 1;
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp(10);
        return new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), withdrawn == null ? null : withdrawn.toInstant());
    }
}
