package org.unionportal.mutualaid.internal.store;

import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.RowInserter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.member.Member;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.api.security.PortalUser;
import org.unionportal.mutualaid.internal.roster.RosterRow;
import org.unionportal.mutualaid.internal.rules.CoverStatus;
import org.unionportal.mutualaid.internal.rules.WorkerCategory;

/** Members, group enrolments and enrolments. */
public final class EnrolmentStore {
    private static final int CHUNK = 500;
    /** From this many ID numbers on, look-ups read the table once instead of IN lists (see {@link #insuredByIdNumber}). */
    private static final int SCAN_FROM = 2 * CHUNK;

    private EnrolmentStore() {
    }

    /** An enrolment as lists and self-service show it. */
    public record EnrolmentView(long id, long batchId, long planId, String planCode, String planNameZh, String planNameEn,
                                long memberId, String memberName, String idNumber, String phone, String orgPath,
                                LocalDate coverStart, LocalDate coverEnd, long feeFen, boolean renewal, String status,
                                boolean paid) {
    }

    public record Batch(long id, long planId, String planCode, String planNameZh, long orgId, String orgPath,
                        LocalDate coverStart, LocalDate coverEnd, int personCount, long feeTotalFen, String status,
                        String createdBy, Instant createdAt) {
    }

    /** The ID numbers already enrolled in plan {@code code} for the period starting {@code coverStart}. */
    public static Set<String> enrolledIdNumbers(Connection c, String code, LocalDate coverStart) throws SQLException {
        return new HashSet<>(Jdbc.list(c, "SELECT M.ID_NUMBER FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID "
                + "WHERE E.PLAN_CODE = ? AND E.COVER_START = ? AND E.STATUS <> 'CANCELLED'", rs -> rs.getString(1), code, coverStart));
    }

    /**
     * What writing a roster did: the new batch, how many insured persons are new to the module, and the
     * insured persons it already knew whose own fields (category, basic insurance, union member) it changed.
     */
    public record Enrolled(long batchId, int newPersons, List<InsuredChange> changed) {
    }

    /** The module's own fields of an insured person before and after a roster (for the audit trail). */
    public record InsuredChange(long insuredId, String orgPath, Map<String, Object> before, Map<String, Object> after) {
    }

    /**
     * Writes a confirmed roster: the batch, new or updated members, one enrolment each. The caller
     * runs this in one transaction, so the roster is written whole or not at all.
     */
    public static Enrolled enrol(Connection c, Plan plan, LocalDate coverStart, OrganisationInfo org, List<RosterRow> rows,
                                 Map<String, Member> registered, String user) throws SQLException {
        RosterWriter writer = RosterWriter.open(c, plan, coverStart, org, rows.stream().map(RosterRow::idNumber).toList(), user);
        writer.write(rows, registered);
        return writer.finish();
    }

    /**
     * A confirmed roster written a chunk of rows at a time on the caller's transaction (which makes it whole or
     * nothing): the batch first, then each chunk's insured persons (new ones created, known ones refreshed) and
     * enrolments. What it needs to know of the whole roster (the insured persons among its ID numbers, who was
     * covered the period before) is read once when it opens, so that neither a chunk reads a whole table again nor
     * every row's objects are held at once.
     */
    public static final class RosterWriter {
        private final Connection c;
        private final Plan plan;
        private final LocalDate coverStart;
        private final LocalDate coverEnd;
        private final OrganisationInfo org;
        private final long batchId;
        private final String status;
        /** The insured persons the module knew among the roster's ID numbers, until their chunk is written. */
        private final Map<String, Known> known;
        /** Insured persons whose cover under the plan ended the day before: their new cover is a renewal. */
        private final Set<Long> coveredBefore;
        private final List<InsuredChange> changed = new ArrayList<>();
        private int created;

        private RosterWriter(Connection c, Plan plan, LocalDate coverStart, OrganisationInfo org, long batchId, String status,
                             Map<String, Known> known, Set<Long> coveredBefore) {
            this.c = c;
            this.plan = plan;
            this.coverStart = coverStart;
            this.coverEnd = plan.coverEnd(coverStart);
            this.org = org;
            this.batchId = batchId;
            this.status = status;
            this.known = known;
            this.coveredBefore = coveredBefore;
        }

        /** Writes the batch for {@code idNumbers.size()} people (the roster's ID numbers, each once) and reads what it needs. */
        public static RosterWriter open(Connection c, Plan plan, LocalDate coverStart, OrganisationInfo org, List<String> idNumbers,
                                        String user) throws SQLException {
            long fee = plan.feePerPersonFen();
            String status = fee == 0 ? "ACTIVE" : "PENDING_PAYMENT";
            long batchId = Jdbc.insert(c, "INSERT INTO MA_ENROLMENT_BATCH (PLAN_ID, ORG_ID, ORG_PATH, COVER_START, COVER_END, "
                            + "PERSON_COUNT, FEE_TOTAL_FEN, STATUS, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    plan.id(), org.id(), org.path(), coverStart, plan.coverEnd(coverStart), idNumbers.size(),
                    Math.multiplyExact(fee, (long) idNumbers.size()), status, user, Instant.now());
            return new RosterWriter(c, plan, coverStart, org, batchId, status, insuredByIdNumber(c, idNumbers),
                    coveredUntil(c, plan.code(), coverStart.minusDays(1)));
        }

        /** One chunk of the roster: {@code registered} holds each row's register member (registered with the union). */
        public void write(List<RosterRow> rows, Map<String, Member> registered) throws SQLException {
            Map<String, Long> members = upsertMembers(rows, registered);
            try (RowInserter insert = RowInserter.into(c, "MA_ENROLMENT", "BATCH_ID", "PLAN_ID", "PLAN_CODE", "MEMBER_ID", "ORG_PATH",
                    "COVER_START", "COVER_END", "FEE_FEN", "RENEWAL", "STATUS", "LOCK_VERSION")) {
                for (RosterRow row : rows) {
                    long memberId = members.get(row.idNumber());
                    insert.add(batchId, plan.id(), plan.code(), memberId, org.path(), coverStart, coverEnd, plan.feePerPersonFen(),
                            coveredBefore.contains(memberId), status, 0);
                }
            }
        }

        public long batchId() {
            return batchId;
        }

        /** What the roster did: the batch, how many insured persons are new, the known ones whose own fields changed. */
        public Enrolled finish() {
            return new Enrolled(batchId, created, List.copyOf(changed));
        }

        /**
         * The register's members as insured persons: creates those the module does not know yet and refreshes the
         * others (their register id, the copy of name, phone and union, and the module's own fields); returns ID
         * number to insured person id for the chunk's rows. No row belongs to another union: the caller registered
         * them with its union first.
         */
        private Map<String, Long> upsertMembers(List<RosterRow> rows, Map<String, Member> registered) throws SQLException {
            Map<String, Long> ids = new HashMap<>();
            List<String> added = new ArrayList<>();
            long lastIdBefore = -1;
            try (RowInserter insert = RowInserter.into(c, "MA_MEMBER", "ID_NUMBER", "NAME", "PHONE", "GENDER", "BIRTH_DATE",
                    "CATEGORY", "BASIC_INSURANCE", "UNION_MEMBER", "ORG_ID", "ORG_PATH", "REGISTER_ID", "USER_ID");
                 PreparedStatement update = c.prepareStatement("UPDATE MA_MEMBER SET NAME = ?, PHONE = ?, CATEGORY = ?, "
                         + "BASIC_INSURANCE = ?, UNION_MEMBER = ?, ORG_ID = ?, ORG_PATH = ?, REGISTER_ID = ?, USER_ID = ? WHERE ID = ?")) {
                int updates = 0;
                for (RosterRow row : rows) {
                    String category = WorkerCategory.parse(row.category()).orElseThrow().name();
                    Member m = registered.get(row.idNumber());
                    if (m == null) {
                        throw new IllegalStateException("roster row " + row.line() + " was not registered");
                    }
                    Known k = known.remove(row.idNumber());
                    if (k == null) {
                        if (lastIdBefore < 0) {
                            // identity values only grow: this chunk's new rows lie above the highest id before them
                            lastIdBefore = Jdbc.one(c, "SELECT MAX(ID) FROM MA_MEMBER", rs -> rs.getLong(1)).orElse(0L);
                        }
                        insert.add(row.idNumber(), m.name(), m.phone(), m.gender(), m.birthDate(), category,
                                row.basicInsurance(), row.unionMember(), m.orgId(), m.orgPath(), m.id(), m.userId());
                        added.add(row.idNumber());
                        continue;
                    }
                    ids.put(row.idNumber(), k.id());
                    Map<String, Object> after = ownFields(category, Boolean.TRUE.equals(row.basicInsurance()),
                            Boolean.TRUE.equals(row.unionMember()));
                    if (!k.fields().equals(after)) {
                        changed.add(new InsuredChange(k.id(), m.orgPath(), k.fields(), after));
                    }
                    Jdbc.bind(update, m.name(), m.phone(), category, row.basicInsurance(), row.unionMember(), m.orgId(),
                            m.orgPath(), m.id(), m.userId(), k.id());
                    update.addBatch();
                    if (++updates % CHUNK == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
            created += added.size();
            Set<String> wanted = new HashSet<>(added);
            if (added.size() > SCAN_FROM) {
                // many: one range of the primary key (a few are found by the unique ID number instead, which never waits
                // for another transaction's new rows at the end of the table)
                Jdbc.list(c, "SELECT ID_NUMBER, ID FROM MA_MEMBER WHERE ID > ?",
                        rs -> wanted.contains(rs.getString(1)) ? ids.put(rs.getString(1), rs.getLong(2)) : null, lastIdBefore);
            } else {
                insuredByIdNumber(c, added).forEach((idNumber, k) -> ids.put(idNumber, k.id()));
            }
            if (!ids.keySet().containsAll(wanted)) {
                throw new IllegalStateException("new insured persons not read back");
            }
            return ids;
        }
    }

    /**
     * The insured persons whose cover under {@code code} ended on {@code end}, in one query for that period (no IN
     * lists: Derby scans the table once per large IN list).
     */
    private static Set<Long> coveredUntil(Connection c, String code, LocalDate end) throws SQLException {
        return new HashSet<>(Jdbc.list(c, "SELECT MEMBER_ID FROM MA_ENROLMENT WHERE PLAN_CODE = ? AND COVER_END = ? "
                + "AND STATUS IN ('ACTIVE', 'EXPIRED')", rs -> rs.getLong(1), code, end));
    }

    /** What {@link #insuredByIdNumber} knows of an insured person: the id and the module's own fields. */
    record Known(long id, Map<String, Object> fields) {
    }

    /**
     * The insured persons with these ID numbers: a few by IN lists in chunks, many (a roster) in one pass over
     * MA_MEMBER, because Derby answers each large IN list with a scan of the whole table.
     */
    static Map<String, Known> insuredByIdNumber(Connection c, List<String> idNumbers) throws SQLException {
        String select = "SELECT ID_NUMBER, ID, CATEGORY, BASIC_INSURANCE, UNION_MEMBER FROM MA_MEMBER";
        Map<String, Known> found = new HashMap<>();
        Jdbc.RowMapper<Object> keep = rs -> found.put(rs.getString(1),
                new Known(rs.getLong(2), ownFields(rs.getString(3), rs.getBoolean(4), rs.getBoolean(5))));
        if (idNumbers.size() > SCAN_FROM) {
            Set<String> wanted = new HashSet<>(idNumbers);
            Jdbc.list(c, select, rs -> wanted.contains(rs.getString(1)) ? keep.map(rs) : null);
            return found;
        }
        for (int i = 0; i < idNumbers.size(); i += CHUNK) {
            List<String> part = idNumbers.subList(i, Math.min(idNumbers.size(), i + CHUNK));
            Jdbc.list(c, select + " WHERE ID_NUMBER IN (" + placeholders(part.size()) + ")", keep, part.toArray());
        }
        return found;
    }

    /** The fields of an insured person that the module itself keeps (the register keeps name, phone and union). */
    private static Map<String, Object> ownFields(String category, boolean basicInsurance, boolean unionMember) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("category", category);
        fields.put("basicInsurance", basicInsurance);
        fields.put("unionMember", unionMember);
        return fields;
    }

    /** The register's current name, phone and union of a member, into the module's copy. */
    public static int refreshCopy(Connection c, Member m) throws SQLException {
        return Jdbc.update(c, "UPDATE MA_MEMBER SET NAME = ?, PHONE = ?, ORG_ID = ?, ORG_PATH = ?, USER_ID = ? WHERE REGISTER_ID = ?",
                m.name(), m.phone(), m.orgId(), m.orgPath(), m.userId(), m.id());
    }

    /** An insured person written before the register existed, with what the register needs to adopt them. */
    public record Unregistered(long id, String idNumber, String name, String phone, String category, long orgId,
                               String username) {
    }

    public static List<Unregistered> unregistered(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, "SELECT ID, ID_NUMBER, NAME, PHONE, CATEGORY, ORG_ID, USERNAME FROM MA_MEMBER WHERE REGISTER_ID IS NULL "
                + "ORDER BY ID FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", rs -> new Unregistered(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)));
    }

    /** Marks an insured person as the register's member and takes the register's values into the copy. */
    public static void adopted(Connection c, long insuredId, Member m) throws SQLException {
        Jdbc.update(c, "UPDATE MA_MEMBER SET REGISTER_ID = ?, NAME = ?, PHONE = ?, ORG_ID = ?, ORG_PATH = ?, USER_ID = ? WHERE ID = ?",
                m.id(), m.name(), m.phone(), m.orgId(), m.orgPath(), m.userId(), insuredId);
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static final String VIEW_SELECT = "SELECT E.ID, E.BATCH_ID, E.PLAN_ID, E.PLAN_CODE, P.NAME_ZH, P.NAME_EN, E.MEMBER_ID, "
            + "M.NAME, M.ID_NUMBER, M.PHONE, E.ORG_PATH, E.COVER_START, E.COVER_END, E.FEE_FEN, E.RENEWAL, E.STATUS "
            + "FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID JOIN MA_PLAN P ON P.ID = E.PLAN_ID ";

    private static EnrolmentView mapView(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate end = Jdbc.date(rs, "COVER_END");
        String stored = rs.getString(16);
        return new EnrolmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), Jdbc.date(rs, "COVER_START"),
                end, rs.getLong(14), rs.getBoolean(15), CoverStatus.asOf(stored, end, today), CoverStatus.paid(stored));
    }

    public static List<EnrolmentView> list(Connection c, DataScope scope, Long batchId, long offset, int limit, LocalDate today)
            throws SQLException {
        Where where = scope.where("E.ORG_PATH").andIfPresent("E.BATCH_ID = ?", batchId);
        return Jdbc.list(c, VIEW_SELECT + where.sql() + " ORDER BY E.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> mapView(rs, today),
                where.paramsAnd(Math.max(0, offset), Math.max(1, limit)));
    }

    public static long count(Connection c, DataScope scope, Long batchId) throws SQLException {
        Where where = scope.where("E.ORG_PATH").andIfPresent("E.BATCH_ID = ?", batchId);
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_ENROLMENT E " + where.sql(), where.params());
    }

    public static Optional<EnrolmentView> byId(Connection c, long id, LocalDate today) throws SQLException {
        return Jdbc.one(c, VIEW_SELECT + "WHERE E.ID = ?", rs -> mapView(rs, today), id);
    }

    /** The enrolments of one insured person, newest cover first (我的保障). */
    public static List<EnrolmentView> ofMember(Connection c, long memberId, LocalDate today) throws SQLException {
        return Jdbc.list(c, VIEW_SELECT + "WHERE E.MEMBER_ID = ? ORDER BY E.COVER_START DESC", rs -> mapView(rs, today), memberId);
    }

    private static final String BATCH_SELECT = "SELECT B.ID, B.PLAN_ID, P.CODE, P.NAME_ZH, B.ORG_ID, B.ORG_PATH, B.COVER_START, "
            + "B.COVER_END, B.PERSON_COUNT, B.FEE_TOTAL_FEN, B.STATUS, B.CREATED_BY, B.CREATED_AT FROM MA_ENROLMENT_BATCH B "
            + "JOIN MA_PLAN P ON P.ID = B.PLAN_ID ";

    /**
     * The group enrolments of a subtree, newest first; an active or unpaid one whose cover ended before {@code today}
     * is EXPIRED, as its enrolments are ({@link CoverStatus}: derived from the date, no job flips the stored status).
     */
    public static List<Batch> batches(Connection c, DataScope scope, LocalDate today) throws SQLException {
        Where where = scope.where("B.ORG_PATH");
        return Jdbc.list(c, BATCH_SELECT + where.sql() + " ORDER BY B.ID DESC", rs -> asOf(mapBatch(rs), today), where.params());
    }

    /** The batch with its status as of {@code today} ({@link CoverStatus#asOf}). */
    public static Batch asOf(Batch b, LocalDate today) {
        String status = CoverStatus.asOf(b.status(), b.coverEnd(), today);
        return status.equals(b.status()) ? b : new Batch(b.id(), b.planId(), b.planCode(), b.planNameZh(), b.orgId(), b.orgPath(),
                b.coverStart(), b.coverEnd(), b.personCount(), b.feeTotalFen(), status, b.createdBy(), b.createdAt());
    }

    /**
     * How many group enrolments of a subtree still wait for their fee on {@code today} (the home page's to-do count):
     * unpaid ones whose cover has not ended, as the group list's 待缴费 filter shows them ({@link CoverStatus}).
     */
    public static long countAwaitingPayment(Connection c, DataScope scope, LocalDate today) throws SQLException {
        Where where = scope.where("B.ORG_PATH").and("B.STATUS = ?", CoverStatus.PENDING_PAYMENT).and("B.COVER_END >= ?", today);
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_ENROLMENT_BATCH B " + where.sql(), where.params());
    }

    /** One group enrolment of a subtree; another subtree's is not found. */
    public static Optional<Batch> batch(Connection c, long id, DataScope scope) throws SQLException {
        Where where = scope.where("B.ORG_PATH").and("B.ID = ?", id);
        return Jdbc.one(c, BATCH_SELECT + where.sql(), EnrolmentStore::mapBatch, where.params());
    }

    private static Batch mapBatch(ResultSet rs) throws SQLException {
        return new Batch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                Jdbc.date(rs, "COVER_START"), Jdbc.date(rs, "COVER_END"), rs.getInt(9), rs.getLong(10), rs.getString(11),
                rs.getString(12), rs.getTimestamp(13).toInstant());
    }

    /** Pending payment -> active (fee received) or cancelled, for the batch and all its enrolments. */
    public static boolean setBatchStatus(Connection c, long batchId, String from, String to) throws SQLException {
        int changed = Jdbc.update(c, "UPDATE MA_ENROLMENT_BATCH SET STATUS = ?, PAID_AT = ? WHERE ID = ? AND STATUS = ?",
                to, "ACTIVE".equals(to) ? Instant.now() : null, batchId, from);
        if (changed == 0) {
            return false;
        }
        Jdbc.update(c, "UPDATE MA_ENROLMENT SET STATUS = ? WHERE BATCH_ID = ? AND STATUS = ?", to, batchId, from);
        return true;
    }

    /** The people of a group enrolment as roster rows, for renewing it. */
    public static List<RosterRow> rosterOfBatch(Connection c, long batchId) throws SQLException {
        int[] line = {1};
        return Jdbc.list(c, "SELECT M.NAME, M.ID_NUMBER, M.PHONE, M.GENDER, M.CATEGORY, M.BASIC_INSURANCE, M.UNION_MEMBER "
                + "FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID WHERE E.BATCH_ID = ? AND E.STATUS <> 'CANCELLED' "
                + "ORDER BY E.ID", rs -> new RosterRow(++line[0], rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)), batchId);
    }

    /** Takes the enrolment's row lock until commit, so claims on one enrolment are approved one at a time. */
    public static void lock(Connection c, long enrolmentId) throws SQLException {
        Jdbc.update(c, "UPDATE MA_ENROLMENT SET LOCK_VERSION = LOCK_VERSION + 1 WHERE ID = ?", enrolmentId);
    }

    /**
     * The insured person of a signed-in account, by the copy of the register's account link (kept by
     * {@code RegisterLink}), for checks inside a transaction that may not ask the register.
     */
    public static Optional<Long> memberIdOfUser(Connection c, PortalUser user) throws SQLException {
        return Jdbc.one(c, "SELECT ID FROM MA_MEMBER WHERE USER_ID = ?", rs -> rs.getLong(1), user.id());
    }

    /** The insured person who is this register member, if the module knows them. */
    public static Optional<Long> insuredIdOf(Connection c, long registerId) throws SQLException {
        return Jdbc.one(c, "SELECT ID FROM MA_MEMBER WHERE REGISTER_ID = ?", rs -> rs.getLong(1), registerId);
    }
}
