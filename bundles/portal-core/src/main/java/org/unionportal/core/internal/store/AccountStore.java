package org.unionportal.core.internal.store;

import org.unionportal.api.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** Organisations, users, roles and sessions in the core's tables. Every method runs on a given connection. */
public final class AccountStore {
    private static final String USER_COLUMNS =
            "U.ID, U.USERNAME, U.DISPLAY_NAME, U.ORG_ID, O.PATH, O.NAME, U.PHONE, U.PASSWORD_HASH, U.ENABLED";
    private static final String USER_FROM = " FROM PORTAL_USER U JOIN PORTAL_ORGANISATION O ON O.ID = U.ORG_ID";

    private AccountStore() {
    }

    // --- organisations -------------------------------------------------------------------------

    public static long addOrganisation(Connection c, Long parentId, String name, String kind) throws SQLException {
        String parentPath = "/";
        if (parentId != null) {
            parentPath = organisation(c, parentId).orElseThrow(
                    () -> new SQLException("No organisation " + parentId)).path();
        }
        long id = Jdbc.insert(c, "INSERT INTO PORTAL_ORGANISATION (PARENT_ID, NAME, KIND, PATH, CREATED_AT) VALUES (?, ?, ?, ?, ?)",
                parentId, name, kind, "?", Timestamp.from(Instant.now()));
        Jdbc.update(c, "UPDATE PORTAL_ORGANISATION SET PATH = ? WHERE ID = ?", parentPath + id + "/", id);
        return id;
    }

    /** Gives the organisation named {@code name} (there must be exactly one) its stable code. */
    public static void setOrganisationCode(Connection c, String name, String code) throws SQLException {
        int updated = Jdbc.update(c, "UPDATE PORTAL_ORGANISATION SET CODE = ? WHERE NAME = ?", code, name);
        if (updated != 1) {
            throw new SQLException("Expected one organisation named " + name + ", found " + updated);
        }
    }

    public static Optional<Long> organisationIdByCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT ID FROM PORTAL_ORGANISATION WHERE CODE = ?", rs -> rs.getLong(1), code);
    }

    public static Optional<Organisation> organisation(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c,
                "SELECT ID, PARENT_ID, NAME, KIND, PATH FROM PORTAL_ORGANISATION WHERE ID = ?", id);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(organisationOf(rs)) : Optional.empty();
        }
    }

    /** The organisations whose path starts with {@code pathPrefix}, tree order. */
    public static List<Organisation> subtree(Connection c, String pathPrefix) throws SQLException {
        List<Organisation> result = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c,
                "SELECT ID, PARENT_ID, NAME, KIND, PATH FROM PORTAL_ORGANISATION WHERE PATH LIKE ? ORDER BY PATH",
                pathPrefix + "%");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(organisationOf(rs));
            }
        }
        return result;
    }

    private static Organisation organisationOf(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long parent = rs.getLong(2);
        Long parentId = rs.wasNull() ? null : parent;
        return new Organisation(id, parentId, rs.getString(3), rs.getString(4), rs.getString(5));
    }

    // --- users ---------------------------------------------------------------------------------

    public static long countUsers(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_USER");
    }

    public static long addUser(Connection c, String username, String displayName, long orgId, String phone,
                               String passwordHash, Set<Role> roles) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO PORTAL_USER (USERNAME, DISPLAY_NAME, ORG_ID, PHONE, PASSWORD_HASH, ENABLED, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", username, displayName, orgId, phone, passwordHash, true, Timestamp.from(Instant.now()));
        for (Role role : roles) {
            Jdbc.update(c, "INSERT INTO PORTAL_USER_ROLE (USER_ID, ROLE_NAME) VALUES (?, ?)", id, role.name());
        }
        return id;
    }

    /** Replaces a user's password hash if it is still {@code oldHash} (a password changed meanwhile wins). */
    public static boolean replacePasswordHash(Connection c, long userId, String oldHash, String newHash) throws SQLException {
        return Jdbc.update(c, "UPDATE PORTAL_USER SET PASSWORD_HASH = ? WHERE ID = ? AND PASSWORD_HASH = ?", newHash, userId, oldHash) == 1;
    }

    /** Sets a new password hash; {@code mustChange}: the user must choose another at the next sign-in (after a reset). */
    public static void setPassword(Connection c, long userId, String hash, boolean mustChange) throws SQLException {
        Jdbc.update(c, "UPDATE PORTAL_USER SET PASSWORD_HASH = ?, MUST_CHANGE_PASSWORD = ? WHERE ID = ?", hash, mustChange, userId);
    }

    public static boolean mustChangePassword(Connection c, long userId) throws SQLException {
        return Jdbc.one(c, "SELECT MUST_CHANGE_PASSWORD FROM PORTAL_USER WHERE ID = ?", rs -> rs.getBoolean(1), userId).orElse(false);
    }

    public static Optional<UserRecord> userByName(Connection c, String username) throws SQLException {
        List<UserRecord> users = users(c, " WHERE U.USERNAME = ?", username);
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }

    public static Optional<UserRecord> userById(Connection c, long id) throws SQLException {
        List<UserRecord> users = users(c, " WHERE U.ID = ?", id);
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }

    public static List<UserRecord> usersInSubtree(Connection c, String pathPrefix) throws SQLException {
        return users(c, " WHERE O.PATH LIKE ? ORDER BY O.PATH, U.USERNAME", pathPrefix + "%");
    }

    private static List<UserRecord> users(Connection c, String where, Object... params) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT " + USER_COLUMNS + USER_FROM + where, params);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9)});
            }
        }
        Map<Long, Set<Role>> roles = rolesOf(c, rows.keySet());
        List<UserRecord> result = new ArrayList<>();
        rows.forEach((id, r) -> result.add(new UserRecord(
                new PortalUser(id, (String) r[0], (String) r[1], (Long) r[2], (String) r[3], roles.getOrDefault(id, Set.of())),
                (String) r[4], (String) r[5], (String) r[6], (Boolean) r[7])));
        return result;
    }

    private static Map<Long, Set<Role>> rolesOf(Connection c, Set<Long> userIds) throws SQLException {
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(userIds.size(), "?"));
        try (PreparedStatement ps = Jdbc.prepare(c, "SELECT USER_ID, ROLE_NAME FROM PORTAL_USER_ROLE WHERE USER_ID IN ("
                + placeholders + ")", userIds.toArray());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
                } catch (IllegalArgumentException unknownRole) {
                    // a role a newer version wrote; this version ignores it
                }
            }
        }
        return roles;
    }

    // --- sessions ------------------------------------------------------------------------------

    public static void addSession(Connection c, String tokenHash, long userId, Instant now, Instant expiresAt) throws SQLException {
        Jdbc.update(c, "INSERT INTO PORTAL_SESSION (TOKEN_HASH, USER_ID, CREATED_AT, LAST_USED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?, ?)",
                tokenHash, userId, Timestamp.from(now), Timestamp.from(now), Timestamp.from(expiresAt));
    }

    /** The session's user id and expiry, if the session exists. */
    public static Optional<SessionRow> session(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c,
                "SELECT USER_ID, EXPIRES_AT, LAST_USED_AT FROM PORTAL_SESSION WHERE TOKEN_HASH = ?", tokenHash);
             ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new SessionRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                    : Optional.empty();
        }
    }

    public static void touchSession(Connection c, String tokenHash, Instant now, Instant expiresAt) throws SQLException {
        Jdbc.update(c, "UPDATE PORTAL_SESSION SET LAST_USED_AT = ?, EXPIRES_AT = ? WHERE TOKEN_HASH = ?",
                Timestamp.from(now), Timestamp.from(expiresAt), tokenHash);
    }

    public static int deleteSession(Connection c, String tokenHash) throws SQLException {
        return Jdbc.update(c, "DELETE FROM PORTAL_SESSION WHERE TOKEN_HASH = ?", tokenHash);
    }

    public static int deleteSessionsOf(Connection c, long userId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM PORTAL_SESSION WHERE USER_ID = ?", userId);
    }

    /** Ends every session of a user but the one of {@code keepTokenHash} (null: all), e.g. after a password change. */
    public static int deleteSessionsOfUser(Connection c, long userId, String keepTokenHash) throws SQLException {
        return keepTokenHash == null
                ? Jdbc.update(c, "DELETE FROM PORTAL_SESSION WHERE USER_ID = ?", userId)
                : Jdbc.update(c, "DELETE FROM PORTAL_SESSION WHERE USER_ID = ? AND TOKEN_HASH <> ?", userId, keepTokenHash);
    }

    public static int deleteExpiredSessions(Connection c, Instant now) throws SQLException {
        return Jdbc.update(c, "DELETE FROM PORTAL_SESSION WHERE EXPIRES_AT < ?", Timestamp.from(now));
    }

    /**
     * Records a sign-in, sign-out or other account event in the audit trail ({@code PORTAL_AUDIT_ENTRY}), under the
     * user's organisation (the root's for a name without an account, e.g. a failed sign-in with an invented name).
     */
    public static void audit(Connection c, String username, String action, String detail) throws SQLException {
        String name = username == null || username.isBlank() ? "?" : username.strip();
        Optional<UserRecord> user = name.length() > 100 ? Optional.empty() : userByName(c, name);
        org.unionportal.api.audit.Actor actor = user.isPresent()
                ? org.unionportal.api.audit.Actor.of(user.get().user())
                : org.unionportal.api.audit.Actor.named(name.substring(0, Math.min(name.length(), 100)));
        String orgPath = user.isPresent() ? user.get().user().orgPath() : rootPath(c);
        org.unionportal.api.audit.AuditEntry entry = org.unionportal.api.audit.AuditEntry.of("portal", "account",
                actor.username(), action, orgPath, actor);
        if (detail != null) {
            entry = entry.changes(Map.of(), Map.of("detail", detail.substring(0, Math.min(detail.length(), 1000))));
        }
        new org.unionportal.core.internal.audit.PortalAuditTrail().record(c, entry);
    }

    /** The path of the tree's root (the city federation), or "/" before there is one. */
    private static String rootPath(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT MIN(PATH) FROM PORTAL_ORGANISATION WHERE PARENT_ID IS NULL", rs -> rs.getString(1))
                .filter(p -> p != null).orElse("/");
    }

    public record SessionRow(long userId, Instant expiresAt, Instant lastUsedAt) {
    }
}
