package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.api.security.Masking;
import org.unionportal.hardshipaid.internal.rules.Channel;
import org.unionportal.hardshipaid.internal.rules.FileLevel;
import org.unionportal.hardshipaid.internal.rules.HistoryStep;
import org.unionportal.hardshipaid.internal.rules.HouseholdFacts;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.rules.Relation;
import org.unionportal.hardshipaid.internal.rules.Stage;

/** Households, their members and schooling, and the history of every change. */
public final class HouseholdStore {
    public static final String SUMMARY_COLUMNS = "H.ID, H.ORG_ID, H.ORG_PATH, H.HEAD_NAME, H.HEAD_ID_NUMBER, H.LEVEL, H.REQUESTED_LEVEL, "
            + "H.FILE_LEVEL, H.STATUS, H.CERTIFICATE_NO, (SELECT COUNT(*) FROM HA_MEMBER M WHERE M.HOUSEHOLD_ID = H.ID AND M.ACTIVE), "
            + "H.CAUSES, H.FILED_AT, H.NEXT_REVIEW_DATE, H.LEFT_ON, H.ON_FILE_FROM";

    private HouseholdStore() {
    }

    public record Summary(long id, long orgId, String orgName, String orgPath, String headName, String headIdNumber, Level level,
            Level requestedLevel, FileLevel fileLevel, HouseholdStatus status, String certificateNo, int memberCount, List<String> causes,
            Instant filedAt, LocalDate nextReviewDate, LocalDate leftOn, LocalDate onFileFrom) {
    }

    public record Schooling(int schoolYear, String stage, String school, boolean newEntrant, boolean studyAway, Long ticketFen,
            Long fareCapFen) {
    }

    public record Member(long id, String name, String idNumber, String relation, Long monthlyIncomeFen, String health, String work,
            List<Schooling> schooling) {
    }

    /**
     * A history row. {@code detail}: the step as data ({@link HistoryStep}); null for rows written before hardship V4,
     * whose {@code note} is the Chinese sentence of the step (the page still reads those).
     */
    public record HistoryEntry(Instant at, String actor, String action, String note, Map<String, Object> detail) {
    }

    /** The summary's fields and the rest, flat in JSON (as the REST contract has it). */
    public record Detail(@JsonUnwrapped Summary household, boolean fullAccess, String address, String phone, Channel channel, String bankName,
            String bankAccount, String loveCardNo, String hardshipNote, Long monthlyIncomeFen, Long perCapitaIncomeFen,
            List<Member> members, List<HistoryEntry> history, List<Map<String, Object>> documents,
            List<Map<String, Object>> payments, String leftReason, Map<String, String> people) {
        /** With the names of the people in its history (login name → name). */
        public Detail withPeople(Map<String, String> names) {
            return new Detail(household, fullAccess, address, phone, channel, bankName, bankAccount, loveCardNo, hardshipNote,
                    monthlyIncomeFen, perCapitaIncomeFen, members, history, documents, payments, leftReason, names);
        }
    }

    /** Files a new application; returns its id. */
    public static long insert(Connection c, HouseholdForm f, OrganisationInfo org, String user) throws SQLException {
        HouseholdForm.MemberForm head = head(f);
        long id = Jdbc.insert(c, "INSERT INTO HA_HOUSEHOLD (ORG_ID, ORG_PATH, STATUS, REQUESTED_LEVEL, HEAD_NAME, HEAD_ID_NUMBER, "
                + "PHONE, ADDRESS, CAUSES, HARDSHIP_NOTE, CHANNEL, BANK_NAME, BANK_ACCOUNT, LOVE_CARD_NO, FILED_BY, FILED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", org.id(), org.path(), HouseholdStatus.APPLIED.code(), f.requestedLevel(),
                head.name().strip(), IdNumbers.normalize(head.idNumber()), blankToNull(f.phone()), blankToNull(f.address()),
                String.join(",", f.causes()), blankToNull(f.hardshipNote()), f.channel(), f.bankName().strip(), f.bankAccount().strip(),
                blankToNull(f.loveCardNo()), user, Instant.now());
        saveMembers(c, id, f.members());
        return id;
    }

    /** Replaces the application's data; members are matched by ID number, so their history (payments, costs) stays. */
    public static void update(Connection c, long id, HouseholdForm f, OrganisationInfo org) throws SQLException {
        HouseholdForm.MemberForm head = head(f);
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET ORG_ID = ?, ORG_PATH = ?, REQUESTED_LEVEL = ?, HEAD_NAME = ?, HEAD_ID_NUMBER = ?, "
                + "PHONE = ?, ADDRESS = ?, CAUSES = ?, HARDSHIP_NOTE = ?, CHANNEL = ?, BANK_NAME = ?, BANK_ACCOUNT = ?, LOVE_CARD_NO = ? "
                + "WHERE ID = ?", org.id(), org.path(), f.requestedLevel(), head.name().strip(), IdNumbers.normalize(head.idNumber()),
                blankToNull(f.phone()), blankToNull(f.address()), String.join(",", f.causes()), blankToNull(f.hardshipNote()),
                f.channel(), f.bankName().strip(), f.bankAccount().strip(), blankToNull(f.loveCardNo()), id);
        saveMembers(c, id, f.members());
    }

    static HouseholdForm.MemberForm head(HouseholdForm f) {
        return f.members().stream().filter(m -> Relation.SELF.code().equals(m.relation())).findFirst().orElseThrow();
    }

    private static void saveMembers(Connection c, long householdId, List<HouseholdForm.MemberForm> members) throws SQLException {
        Map<String, Long> existing = new HashMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT ID, ID_NUMBER FROM HA_MEMBER WHERE HOUSEHOLD_ID = ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, householdId)) {
            existing.put((String) r[1], (Long) r[0]);
        }
        Jdbc.update(c, "UPDATE HA_MEMBER SET ACTIVE = FALSE WHERE HOUSEHOLD_ID = ?", householdId);
        for (int i = 0; i < members.size(); i++) {
            HouseholdForm.MemberForm m = members.get(i);
            String idNumber = IdNumbers.normalize(m.idNumber());
            Long memberId = existing.get(idNumber);
            if (memberId == null) {
                memberId = Jdbc.insert(c, "INSERT INTO HA_MEMBER (HOUSEHOLD_ID, SEQ_NO, NAME, ID_NUMBER, RELATION, MONTHLY_INCOME_FEN, "
                        + "HEALTH, OCCUPATION, ACTIVE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)", householdId, i, m.name().strip(), idNumber,
                        m.relation(), m.monthlyIncomeFen(), blankToNull(m.health()), blankToNull(m.work()));
            } else {
                Jdbc.update(c, "UPDATE HA_MEMBER SET SEQ_NO = ?, NAME = ?, RELATION = ?, MONTHLY_INCOME_FEN = ?, HEALTH = ?, OCCUPATION = ?, "
                        + "ACTIVE = TRUE WHERE ID = ?", i, m.name().strip(), m.relation(), m.monthlyIncomeFen(), blankToNull(m.health()),
                        blankToNull(m.work()), memberId);
            }
            HouseholdForm.SchoolingForm s = m.schooling();
            if (s != null) {
                Jdbc.update(c, "DELETE FROM HA_SCHOOLING WHERE MEMBER_ID = ? AND SCHOOL_YEAR = ?", memberId, s.schoolYear());
                Jdbc.update(c, "INSERT INTO HA_SCHOOLING (MEMBER_ID, SCHOOL_YEAR, STAGE, SCHOOL, NEW_ENTRANT, STUDY_AWAY, TICKET_FEN, "
                        + "FARE_CAP_FEN) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", memberId, s.schoolYear(), s.stage(), blankToNull(s.school()),
                        Boolean.TRUE.equals(s.newEntrant()), Boolean.TRUE.equals(s.studyAway()), s.ticketFen(), s.fareCapFen());
            }
        }
    }

    /** A step of the household's history: its data as JSON ({@code DETAIL}), what a person wrote as written ({@code NOTE}). */
    public static void history(Connection c, long householdId, String actor, HistoryStep step) throws SQLException {
        Jdbc.update(c, "INSERT INTO HA_HISTORY (HOUSEHOLD_ID, OCCURRED_AT, ACTOR, ACTION, NOTE, DETAIL) VALUES (?, ?, ?, ?, ?, ?)",
                householdId, Instant.now(), actor, step.action(), step.note() == null ? null : truncate(step.note(), 2000),
                HistoryDetail.write(step.detail()));
    }

    /** The household's summary, wherever it is (the service checks it against the caller's scope). */
    public static Optional<Summary> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + SUMMARY_COLUMNS + " FROM HA_HOUSEHOLD H WHERE H.ID = ?", HouseholdStore::summary, id);
    }

    /** How many households match {@code where} (a scope's WHERE on {@code H.ORG_PATH}). */
    public static long count(Connection c, Where where) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_HOUSEHOLD H " + where.sql(), where.params());
    }

    /** How many households of a subtree are in {@code status} (the home page's to-do count). */
    public static long count(Connection c, DataScope scope, HouseholdStatus status) throws SQLException {
        return count(c, scope.where("H.ORG_PATH").and("H.STATUS = ?", status.code()));
    }

    /** How many households of a subtree on file are due for their re-check by {@code dueBy} (the home page's to-do count). */
    public static long countRecheckDue(Connection c, DataScope scope, LocalDate dueBy) throws SQLException {
        return count(c, scope.where("H.ORG_PATH").and("H.STATUS = ?", HouseholdStatus.ON_FILE.code())
                .and("H.NEXT_REVIEW_DATE <= ?", java.sql.Date.valueOf(dueBy)));
    }

    /** A page of households matching {@code where}, newest first. */
    public static List<Summary> page(Connection c, Where where, long offset, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT " + SUMMARY_COLUMNS + " FROM HA_HOUSEHOLD H " + where.sql()
                + " ORDER BY H.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", HouseholdStore::summary, where.paramsAnd(offset, limit));
    }

    /** Every household matching {@code where}, oldest first (exports). */
    public static List<Summary> all(Connection c, Where where) throws SQLException {
        return Jdbc.list(c, "SELECT " + SUMMARY_COLUMNS + " FROM HA_HOUSEHOLD H " + where.sql() + " ORDER BY H.ID",
                HouseholdStore::summary, where.params());
    }

    /** Whether another household (not {@code exceptId}) of this head is open or on file, anywhere in the city. */
    public static boolean headHasOtherActive(Connection c, String headIdNumber, long exceptId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_HOUSEHOLD WHERE HEAD_ID_NUMBER = ? AND ID <> ? AND STATUS IN (?, ?, ?)",
                headIdNumber, exceptId, HouseholdStatus.APPLIED.code(), HouseholdStatus.RETURNED.code(), HouseholdStatus.ON_FILE.code()) > 0;
    }

    public static void setStatus(Connection c, long id, HouseholdStatus status) throws SQLException {
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = ? WHERE ID = ?", status.code(), id);
    }

    public static Optional<String> loveCardNo(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT LOVE_CARD_NO FROM HA_HOUSEHOLD WHERE ID = ? AND LOVE_CARD_NO IS NOT NULL", rs -> rs.getString(1), id);
    }

    /** Puts the household on file (approval, or the demo's households on file since {@code since}). */
    public static void putOnFile(Connection c, long id, Level level, FileLevel fileLevel, String certificateNo, LocalDate since,
            LocalDate nextReview) throws SQLException {
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = ?, LEVEL = ?, FILE_LEVEL = ?, CERTIFICATE_NO = ?, ON_FILE_FROM = ?, "
                + "NEXT_REVIEW_DATE = ? WHERE ID = ?", HouseholdStatus.ON_FILE.code(), level.code(), fileLevel.code(), certificateNo, since,
                nextReview, id);
    }

    /** Backdates the filing (demo data only). */
    public static void setFiledAt(Connection c, long id, Instant filedAt) throws SQLException {
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET FILED_AT = ? WHERE ID = ?", filedAt, id);
    }

    public static void recheck(Connection c, long id, Level level, String certificateNo, LocalDate nextReview) throws SQLException {
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET LEVEL = ?, CERTIFICATE_NO = ?, NEXT_REVIEW_DATE = ? WHERE ID = ?", level.code(),
                certificateNo, nextReview, id);
    }

    public static void leave(Connection c, long id, LocalDate date, String reason) throws SQLException {
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = ?, LEFT_ON = ?, LEFT_REASON = ? WHERE ID = ?", HouseholdStatus.LEFT.code(), date,
                reason, id);
    }

    /** The member of the household with this id, if it is one of its members. */
    public static boolean hasMember(Connection c, long householdId, long memberId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_MEMBER WHERE ID = ? AND HOUSEHOLD_ID = ?", memberId, householdId) > 0;
    }

    /** The id of the household's (first) member with this relation. */
    public static Optional<Long> memberId(Connection c, long householdId, Relation relation) throws SQLException {
        return Jdbc.one(c, "SELECT ID FROM HA_MEMBER WHERE HOUSEHOLD_ID = ? AND RELATION = ? ORDER BY ID", rs -> rs.getLong(1),
                householdId, relation.code());
    }

    public static boolean isEmpty(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_HOUSEHOLD") == 0;
    }

    /** Households with their head's ID number masked, newest first, for the shell. */
    public static List<Summary> latest(Connection c, DataScope scope, HouseholdStatus status, int limit) throws SQLException {
        Where where = scope.where("H.ORG_PATH").andIfPresent("H.STATUS = ?", status == null ? null : status.code());
        return page(c, where, 0, Math.max(1, limit));
    }

    /** Locks the household row for the rest of the transaction (decisions on one household run one at a time). */
    public static void lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = STATUS WHERE ID = ?", id);
    }

    public static Summary summary(ResultSet rs) throws SQLException {
        String causes = rs.getString(12);
        return new Summary(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getString(4), Masking.idNumber(rs.getString(5)),
                Labels.byCode(Level.class, rs.getString(6)).orElse(null), Labels.byCode(Level.class, rs.getString(7)).orElse(null),
                Labels.byCode(FileLevel.class, rs.getString(8)).orElse(null), Labels.of(HouseholdStatus.class, rs.getString(9)),
                rs.getString(10), rs.getInt(11),
                causes == null || causes.isEmpty() ? List.of() : Arrays.asList(causes.split(",")),
                rs.getTimestamp(13).toInstant(), Jdbc.date(rs, "NEXT_REVIEW_DATE"), Jdbc.date(rs, "LEFT_ON"),
                Jdbc.date(rs, "ON_FILE_FROM"));
    }

    public static Summary withOrgName(Summary s, String orgName) {
        return new Summary(s.id(), s.orgId(), orgName, s.orgPath(), s.headName(), s.headIdNumber(), s.level(), s.requestedLevel(),
                s.fileLevel(), s.status(), s.certificateNo(), s.memberCount(), s.causes(), s.filedAt(), s.nextReviewDate(), s.leftOn(),
                s.onFileFrom());
    }

    /**
     * The whole household with its documents (as the service lists them); with {@code full} false, ID numbers and accounts
     * are masked and incomes and illnesses hidden.
     */
    public static Detail detail(Connection c, Summary s, boolean full, List<Map<String, Object>> documents) throws SQLException {
        Object[] h = Jdbc.one(c, "SELECT ADDRESS, PHONE, CHANNEL, BANK_NAME, BANK_ACCOUNT, LOVE_CARD_NO, HARDSHIP_NOTE, HEAD_ID_NUMBER, "
                + "LEFT_REASON FROM HA_HOUSEHOLD WHERE ID = ?", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)}, s.id()).orElseThrow();
        Map<Long, List<Schooling>> schooling = new HashMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT S.MEMBER_ID, S.SCHOOL_YEAR, S.STAGE, S.SCHOOL, S.NEW_ENTRANT, S.STUDY_AWAY, S.TICKET_FEN, "
                + "S.FARE_CAP_FEN FROM HA_SCHOOLING S JOIN HA_MEMBER M ON M.ID = S.MEMBER_ID WHERE M.HOUSEHOLD_ID = ? "
                + "ORDER BY S.SCHOOL_YEAR DESC", rs -> new Object[] {rs.getLong(1), new Schooling(rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), Jdbc.longOrNull(rs, "TICKET_FEN"),
                Jdbc.longOrNull(rs, "FARE_CAP_FEN"))}, s.id())) {
            schooling.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Schooling) r[1]);
        }
        List<Member> members = Jdbc.list(c, "SELECT ID, NAME, ID_NUMBER, RELATION, MONTHLY_INCOME_FEN, HEALTH, OCCUPATION FROM HA_MEMBER "
                + "WHERE HOUSEHOLD_ID = ? AND ACTIVE ORDER BY SEQ_NO", rs -> new Member(rs.getLong(1), rs.getString(2),
                full ? rs.getString(3) : Masking.idNumber(rs.getString(3)), rs.getString(4), full ? rs.getLong(5) : null,
                hidden(rs.getString(6), full), rs.getString(7), schooling.getOrDefault(rs.getLong(1), List.of())), s.id());
        long income = Jdbc.one(c, "SELECT COALESCE(SUM(MONTHLY_INCOME_FEN), 0) FROM HA_MEMBER WHERE HOUSEHOLD_ID = ? AND ACTIVE",
                rs -> rs.getLong(1), s.id()).orElse(0L);
        List<HistoryEntry> history = Jdbc.list(c, "SELECT OCCURRED_AT, ACTOR, ACTION, NOTE, DETAIL FROM HA_HISTORY WHERE HOUSEHOLD_ID = ? "
                + "ORDER BY ID", rs -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        HistoryDetail.read(rs.getString(5))), s.id());
        List<Map<String, Object>> payments = Jdbc.list(c, "SELECT BATCH_ID, ITEM, PERIOD, AMOUNT_FEN, STATUS, CHANNEL, DUE_DATE "
                + "FROM HA_PAYMENT WHERE HOUSEHOLD_ID = ? ORDER BY DUE_DATE DESC, ID DESC", rs -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("batchId", rs.getLong(1));
                    p.put("item", rs.getString(2));
                    p.put("period", rs.getString(3));
                    p.put("amountFen", rs.getLong(4));
                    p.put("status", rs.getString(5));
                    p.put("channel", rs.getString(6));
                    p.put("dueDate", rs.getDate(7).toLocalDate().toString());
                    return p;
                }, s.id());
        Summary shown = full ? new Summary(s.id(), s.orgId(), s.orgName(), s.orgPath(), s.headName(), (String) h[7], s.level(),
                s.requestedLevel(), s.fileLevel(), s.status(), s.certificateNo(), s.memberCount(), s.causes(), s.filedAt(),
                s.nextReviewDate(), s.leftOn(), s.onFileFrom()) : s;
        int count = Math.max(1, members.size());
        return new Detail(shown, full, (String) h[0], full ? (String) h[1] : Masking.phone((String) h[1]),
                Labels.of(Channel.class, (String) h[2]),
                (String) h[3], full ? (String) h[4] : Masking.idNumber((String) h[4]), (String) h[5], hidden((String) h[6], full),
                full ? income : null, full ? income / count : null, members, history, documents, payments, (String) h[8], Map.of());
    }

    /** Facts for entitlement of every household that may be on file on the day, in the subtree. */
    public static List<HouseholdFacts> facts(Connection c, DataScope scope, LocalDate day, int schoolYear) throws SQLException {
        Map<Long, List<HouseholdFacts.Schooling>> schooling = new HashMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT M.HOUSEHOLD_ID, M.ID, M.NAME, S.STAGE, S.NEW_ENTRANT, S.STUDY_AWAY, S.TICKET_FEN, "
                + "S.FARE_CAP_FEN FROM HA_SCHOOLING S JOIN HA_MEMBER M ON M.ID = S.MEMBER_ID JOIN HA_HOUSEHOLD H ON H.ID = M.HOUSEHOLD_ID "
                + "WHERE S.SCHOOL_YEAR = ? AND M.ACTIVE" + scope.on("H.ORG_PATH").and(), rs -> new Object[] {rs.getLong(1),
                new HouseholdFacts.Schooling(rs.getLong(2), rs.getString(3), Stage.valueOf(rs.getString(4)), rs.getBoolean(5),
                        rs.getBoolean(6), Jdbc.longOrNull(rs, "TICKET_FEN"), Jdbc.longOrNull(rs, "FARE_CAP_FEN"))},
                schoolYear, scope.pattern())) {
            schooling.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((HouseholdFacts.Schooling) r[1]);
        }
        Where where = scope.where("ORG_PATH").and("STATUS IN (?, ?)", HouseholdStatus.ON_FILE.code(), HouseholdStatus.LEFT.code())
                .and("ON_FILE_FROM <= ?", day).and("LEFT_ON IS NULL OR LEFT_ON > ?", day);
        return Jdbc.list(c, "SELECT ID, LEVEL, ON_FILE_FROM, LEFT_ON, CHANNEL FROM HA_HOUSEHOLD " + where.sql(),
                rs -> new HouseholdFacts(rs.getLong(1), Level.valueOf(rs.getString(2)), Jdbc.date(rs, "ON_FILE_FROM"),
                        Jdbc.date(rs, "LEFT_ON"), Channel.valueOf(rs.getString(5)), schooling.getOrDefault(rs.getLong(1), List.of())),
                where.params());
    }

    /**
     * The next special-hardship certificate number of the year: TK2026-00001, TK2026-00002, ... The year's first
     * number may be raced: both find no counter and insert one; the second insert waits for the first and meets its
     * key, so it is undone alone (a savepoint: PostgreSQL would abort the whole transaction) and counts on instead.
     */
    public static String nextCertificateNo(Connection c, int year) throws SQLException {
        String increment = "UPDATE HA_CERTIFICATE_SEQ SET LAST_NO = LAST_NO + 1 WHERE CERT_YEAR = ?";
        if (Jdbc.update(c, increment, year) == 0) {
            java.sql.Savepoint beforeInsert = c.setSavepoint();
            try {
                Jdbc.update(c, "INSERT INTO HA_CERTIFICATE_SEQ (CERT_YEAR, LAST_NO) VALUES (?, 1)", year);
                c.releaseSavepoint(beforeInsert);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(beforeInsert);
                Jdbc.update(c, increment, year);
            }
        }
        int no = Jdbc.one(c, "SELECT LAST_NO FROM HA_CERTIFICATE_SEQ WHERE CERT_YEAR = ?", rs -> rs.getInt(1), year).orElseThrow();
        return String.format("TK%d-%05d", year, no);
    }

    private static String hidden(String value, boolean full) {
        return value == null || full ? value : "***";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
