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
import org.unionportal.api.db.RowInserter;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/**
 * The register's SQL (PORTAL_MEMBER; PORTAL_MEMBER_EVENT is only read: changes go to the audit trail since V6 of
 * the code, see {@link MemberHistory}). Every method runs on a given connection; every search is inside a
 * {@link DataScope}.
 */
public final class MemberStore {
    static final int CHUNK = 500;
    /** From this many ID numbers on, {@link #byIdNumbers} reads the register in one pass instead of IN lists. */
    static final int SCAN_FROM = 2 * CHUNK;
    private static final String COLUMNS = "ID, ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, ORG_ID, ORG_PATH, CATEGORIES, "
            + "OCCUPATION, STATUS, JOINED_ON, LEFT_ON, USER_ID";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM PORTAL_MEMBER ";

    private MemberStore() {
    }

    /** A search of the register inside one subtree; null fields do not filter. */
    public record Filter(DataScope scope, String query, Long orgId, MemberCategory category, MembershipStatus status) {
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

    /**
     * The members with these ID numbers, by ID number: a few in chunks of IN lists, many (a whole roster) in one
     * pass over the register. Derby answers each large IN list with a scan of the whole table, so a roster of
     * 100,000 in chunks of 500 read the table 200 times; one pass reads it once, on Derby and PostgreSQL alike.
     */
    public static Map<String, Member> byIdNumbers(Connection c, Collection<String> idNumbers) throws SQLException {
        Map<String, Member> found = new HashMap<>();
        if (idNumbers.size() > SCAN_FROM) {
            java.util.Set<String> wanted = new java.util.HashSet<>(idNumbers);
            try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString("ID_NUMBER"))) {
                        Member m = map(rs);
                        found.put(m.idNumber(), m);
                    }
                }
            }
            return found;
        }
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

    /** The highest member id so far (0 for none): every member inserted after this call gets a higher one. */
    public static long maxId(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT MAX(ID) FROM PORTAL_MEMBER", rs -> rs.getLong(1)).orElse(0L);
    }

    /**
     * The members with an id above {@code afterId} (see {@link #maxId}) whose ID number is among {@code idNumbers}:
     * the rows a bulk insert just wrote, read back by a range of the primary key instead of a pass over the
     * whole register (identity values only grow, so rows inserted after {@link #maxId} lie above it).
     */
    public static Map<String, Member> insertedAfter(Connection c, long afterId, Collection<String> idNumbers) throws SQLException {
        java.util.Set<String> wanted = idNumbers instanceof java.util.Set<String> set ? set : new java.util.HashSet<>(idNumbers);
        Map<String, Member> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE ID > ?")) {
            ps.setLong(1, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString("ID_NUMBER"))) {
                        Member m = map(rs);
                        found.put(m.idNumber(), m);
                    }
                }
            }
        }
        return found;
    }

    /** The members with these ids inside {@code scope} (others are left out), in chunks. */
    public static List<Member> byIds(Connection c, Collection<Long> ids, DataScope scope) throws SQLException {
        List<Member> found = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + CHUNK));
            Where where = scope.where("ORG_PATH").and("ID IN (" + placeholders(part.size()) + ")", part.toArray());
            found.addAll(Jdbc.list(c, SELECT + where.sql() + " ORDER BY ID", MemberStore::map, where.params()));
        }
        return found;
    }

    /** The search's WHERE clause: the scope's subtree, then the filters that are set. */
    static Where where(Filter f) {
        Where where = f.scope().where("ORG_PATH")
                .andIfPresent("ORG_ID = ?", f.orgId())
                .andIfPresent("CATEGORIES LIKE ?", f.category() == null ? null : "%," + f.category().name() + ",%")
                .andIfPresent("STATUS = ?", f.status() == null ? null : f.status().name());
        String q = f.query() == null ? null : f.query().strip();
        if (q != null && !q.isEmpty()) {
            String id = IdNumbers.normalize(q);
            if (id != null && id.length() == 18) {
                where.and("ID_NUMBER = ?", id);
            } else if (q.chars().allMatch(Character::isDigit) && q.length() == 11) {
                where.and("PHONE = ?", q);
            } else {
                where.and("NAME LIKE ?", q.replace("%", "").replace("_", "") + "%");
            }
        }
        return where;
    }

    public static List<Member> list(Connection c, Filter filter, long offset, int limit) throws SQLException {
        Where where = where(filter);
        return Jdbc.list(c, SELECT + where.sql() + " ORDER BY ORG_PATH, NAME, ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                MemberStore::map, where.paramsAnd(Math.max(0, offset), Math.max(1, limit)));
    }

    public static long count(Connection c, Filter filter) throws SQLException {
        Where where = where(filter);
        return Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_MEMBER " + where.sql(), where.params());
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

    /** Many new members of one union at once, many rows per statement (see {@link RowInserter}). */
    public static void insertAll(Connection c, List<MemberRules.Form> forms, long orgId, String orgPath, LocalDate today,
                                 String actor, Instant now) throws SQLException {
        try (RowInserter insert = RowInserter.into(c, "PORTAL_MEMBER", "ID_NUMBER", "NAME", "PHONE", "GENDER", "BIRTH_DATE",
                "ORG_ID", "ORG_PATH", "CATEGORIES", "OCCUPATION", "STATUS", "JOINED_ON", "CREATED_AT", "CREATED_BY", "UPDATED_AT",
                "UPDATED_BY")) {
            for (MemberRules.Form f : forms) {
                insert.add(insertParams(f, orgId, orgPath, f.joinedOn() == null ? today : f.joinedOn(), actor, now));
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

    /** The changes kept in PORTAL_MEMBER_EVENT before they went to the audit trail, oldest first. */
    public static List<Event> legacyHistory(Connection c, long memberId) throws SQLException {
        return Jdbc.list(c, "SELECT ID, OCCURRED_AT, ACTOR, ACTION, FROM_ORG_ID, TO_ORG_ID, DETAIL FROM PORTAL_MEMBER_EVENT "
                + "WHERE MEMBER_ID = ? ORDER BY ID", rs -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), Jdbc.longOrNull(rs, "FROM_ORG_ID"), Jdbc.longOrNull(rs, "TO_ORG_ID"), rs.getString(7)), memberId);
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
