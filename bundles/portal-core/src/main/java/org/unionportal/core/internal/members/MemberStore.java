package org.unionportal.core.internal.members;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MembershipStatus;

/** The register's SQL (PORTAL_MEMBER, PORTAL_MEMBER_EVENT). Every method runs on a given connection. */
public final class MemberStore {
    static final int CHUNK = 500;
    private static final String COLUMNS = "ID, ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, ORG_ID, ORG_PATH, CATEGORIES, "
            + "OCCUPATION, STATUS, JOINED_ON, LEFT_ON, USER_ID";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM PORTAL_MEMBER ";

    private MemberStore() {
    }

    /** A search of the register inside one subtree; null fields do not filter. */
    public record Filter(String subtreePattern, String query, Long orgId, MemberCategory category, MembershipStatus status) {
    }

    /** One change in a member's history. */
    public record Event(long id, Instant at, String actor, String action, Long fromOrgId, Long toOrgId, String detail) {
    }

    static Member map(ResultSet rs) throws SQLException {
        String occupation = rs.getString("OCCUPATION");
        return new Member(rs.getLong("ID"), rs.getString("ID_NUMBER"), rs.getString("NAME"), rs.getString("PHONE"),
                rs.getString("GENDER"), Jdbc.date(rs, "BIRTH_DATE"), rs.getLong("ORG_ID"), rs.getString("ORG_PATH"),
                MemberRules.categoriesOf(rs.getString("CATEGORIES")),
                occupation == null ? null : GigOccupation.valueOf(occupation),
                MembershipStatus.valueOf(rs.getString("STATUS")), Jdbc.date(rs, "JOINED_ON"), Jdbc.date(rs, "LEFT_ON"),
                Jdbc.longOrNull(rs, "USER_ID"));
    }

    public static Optional<Member> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, SELECT + "WHERE ID = ?", MemberStore::map, id);
    }

    public static Optional<Member> byIdNumber(Connection c, String idNumber) throws SQLException {
        return Jdbc.one(c, SELECT + "WHERE ID_NUMBER = ?", MemberStore::map, idNumber);
    }

    public static Optional<Member> byUser(Connection c, long userId) throws SQLException {
        return Jdbc.one(c, SELECT + "WHERE USER_ID = ?", MemberStore::map, userId);
    }

    /** The members with these ID numbers, by ID number (in chunks, so any number of them). */
    public static Map<String, Member> byIdNumbers(Connection c, Collection<String> idNumbers) throws SQLException {
        Map<String, Member> found = new HashMap<>();
        List<String> all = new ArrayList<>(idNumbers);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> part = all.subList(i, Math.min(all.size(), i + CHUNK));
            for (Member m : Jdbc.list(c, SELECT + "WHERE ID_NUMBER IN (" + placeholders(part.size()) + ")",
                    MemberStore::map, part.toArray())) {
                found.put(m.idNumber(), m);
            }
        }
        return found;
    }

    public static List<Member> byIds(Connection c, Collection<Long> ids, String subtreePattern) throws SQLException {
        List<Member> found = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + CHUNK));
            Object[] params = new Object[part.size() + 1];
            params[0] = subtreePattern;
            for (int j = 0; j < part.size(); j++) {
                params[j + 1] = part.get(j);
            }
            found.addAll(Jdbc.list(c, SELECT + "WHERE ORG_PATH LIKE ? AND ID IN (" + placeholders(part.size()) + ") ORDER BY ID",
                    MemberStore::map, params));
        }
        return found;
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE ORG_PATH LIKE ?");
        params.add(f.subtreePattern());
        if (f.orgId() != null) {
            where.append(" AND ORG_ID = ?");
            params.add(f.orgId());
        }
        if (f.category() != null) {
            where.append(" AND CATEGORIES LIKE ?");
            params.add("%," + f.category().name() + ",%");
        }
        if (f.status() != null) {
            where.append(" AND STATUS = ?");
            params.add(f.status().name());
        }
        String q = f.query() == null ? null : f.query().strip();
        if (q != null && !q.isEmpty()) {
            String id = IdNumbers.normalize(q);
            if (id != null && id.length() == 18) {
                where.append(" AND ID_NUMBER = ?");
                params.add(id);
            } else if (q.chars().allMatch(Character::isDigit) && q.length() == 11) {
                where.append(" AND PHONE = ?");
                params.add(q);
            } else {
                where.append(" AND NAME LIKE ?");
                params.add(q.replace("%", "").replace("_", "") + "%");
            }
        }
        return where.toString();
    }

    public static List<Member> list(Connection c, Filter filter, long offset, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return Jdbc.list(c, SELECT + where + " ORDER BY ORG_PATH, NAME, ID OFFSET " + Math.max(0, offset)
                + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", MemberStore::map, params.toArray());
    }

    public static long count(Connection c, Filter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_MEMBER " + where, params.toArray());
    }

    /** A new member of union {@code orgId}; birth date and gender from the ID number. */
    public static long insert(Connection c, MemberRules.Form form, long orgId, String orgPath, LocalDate joinedOn,
                              String actor, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO PORTAL_MEMBER (ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, ORG_ID, ORG_PATH, CATEGORIES, "
                        + "OCCUPATION, STATUS, JOINED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                insertParams(form, orgId, orgPath, joinedOn, actor, now));
    }

    private static Object[] insertParams(MemberRules.Form form, long orgId, String orgPath, LocalDate joinedOn, String actor,
                                         Instant now) {
        return new Object[] {form.idNumber(), form.name(), form.phone(), IdNumbers.gender(form.idNumber()),
            IdNumbers.birthDate(form.idNumber()), orgId, orgPath, MemberRules.categoriesColumn(form.categories()),
            form.occupation(), MembershipStatus.ACTIVE, joinedOn, now, actor, now, actor};
    }

    /** Many new members of one union at once, in batches. */
    public static void insertAll(Connection c, List<MemberRules.Form> forms, long orgId, String orgPath, LocalDate today,
                                 String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PORTAL_MEMBER (ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, "
                + "ORG_ID, ORG_PATH, CATEGORIES, OCCUPATION, STATUS, JOINED_ON, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (MemberRules.Form f : forms) {
                Jdbc.bind(ps, insertParams(f, orgId, orgPath, f.joinedOn() == null ? today : f.joinedOn(), actor, now));
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Writes a member's own fields (not union, not account) as they are in {@code m}. */
    public static void updateAll(Connection c, List<Member> members, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE PORTAL_MEMBER SET NAME = ?, PHONE = ?, CATEGORIES = ?, OCCUPATION = ?, "
                + "STATUS = ?, JOINED_ON = ?, LEFT_ON = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ?")) {
            int pending = 0;
            for (Member m : members) {
                Jdbc.bind(ps, m.name(), m.phone(), MemberRules.categoriesColumn(m.categories()), m.occupation(), m.status(),
                        m.joinedOn(), m.leftOn(), now, actor, m.id());
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    public static void moveTo(Connection c, long id, long orgId, String orgPath, String actor, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE PORTAL_MEMBER SET ORG_ID = ?, ORG_PATH = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ?",
                orgId, orgPath, now, actor, id);
    }

    public static void linkUser(Connection c, long id, Long userId, String actor, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE PORTAL_MEMBER SET USER_ID = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ?", userId, now, actor, id);
    }

    public static void event(Connection c, long memberId, String actor, String action, Long fromOrgId, Long toOrgId,
                             String detail, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO PORTAL_MEMBER_EVENT (MEMBER_ID, OCCURRED_AT, ACTOR, ACTION, FROM_ORG_ID, TO_ORG_ID, DETAIL) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", memberId, now, actor, action, fromOrgId, toOrgId, truncate(detail));
    }

    /** The same event for many members, in batches. */
    public static void events(Connection c, Collection<Long> memberIds, String actor, String action, String detail, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PORTAL_MEMBER_EVENT (MEMBER_ID, OCCURRED_AT, ACTOR, ACTION, "
                + "FROM_ORG_ID, TO_ORG_ID, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (long id : memberIds) {
                Jdbc.bind(ps, id, now, actor, action, null, null, truncate(detail));
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    public static List<Event> history(Connection c, long memberId) throws SQLException {
        return Jdbc.list(c, "SELECT ID, OCCURRED_AT, ACTOR, ACTION, FROM_ORG_ID, TO_ORG_ID, DETAIL FROM PORTAL_MEMBER_EVENT "
                + "WHERE MEMBER_ID = ? ORDER BY ID", rs -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), Jdbc.longOrNull(rs, "FROM_ORG_ID"), Jdbc.longOrNull(rs, "TO_ORG_ID"), rs.getString(7)), memberId);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
