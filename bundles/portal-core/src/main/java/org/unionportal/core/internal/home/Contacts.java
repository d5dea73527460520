package org.unionportal.core.internal.home;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** Whom a user asks for access: the administrators of the nearest organisation, at the user's own or above. */
final class Contacts {
    private Contacts() {
    }

    /** Name and organisation of each (no phone, no username): the nearest level that has one, other than the user. */
    static List<Map<String, Object>> nearestAdministrators(Connection c, PortalUser user) throws SQLException {
        Where where = DataScope.of(user).reachedBy("O.PATH")
                .and("R.ROLE_NAME IN (?, ?)", Role.DISTRICT_ADMIN.name(), Role.PLATFORM_ADMIN.name())
                .and("U.ENABLED = ?", true)
                .and("U.ID <> ?", user.id());
        List<Object[]> rows = Jdbc.list(c, "SELECT DISTINCT O.PATH, U.DISPLAY_NAME, O.NAME, U.USERNAME FROM PORTAL_USER U "
                + "JOIN PORTAL_ORGANISATION O ON O.ID = U.ORG_ID JOIN PORTAL_USER_ROLE R ON R.USER_ID = U.ID "
                + where.sql(), rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, where.params());
        String nearest = rows.stream().map(r -> (String) r[0]).max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        return rows.stream().filter(r -> r[0].equals(nearest))
                .sorted((a, b) -> ((String) a[3]).compareTo((String) b[3]))
                .map(r -> Map.<String, Object>of("name", r[1] == null ? "" : r[1], "orgName", r[2]))
                .toList();
    }
}
