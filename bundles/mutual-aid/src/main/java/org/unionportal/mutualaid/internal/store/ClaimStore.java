package org.unionportal.mutualaid.internal.store;

import org.unionportal.api.db.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.Line;
import org.unionportal.mutualaid.internal.rules.Payee;
import org.unionportal.mutualaid.internal.rules.PriorUsage;

/** Claims, their history, and what earlier claims already used of the caps. */
public final class ClaimStore {
    private static final String SELECT = "SELECT C.ID, C.ENROLMENT_ID, C.MEMBER_ID, M.NAME, M.ID_NUMBER, C.ORG_PATH, E.PLAN_CODE, "
            + "P.NAME_ZH, C.EVENT_TYPE, C.EVENT_DATE, C.ADMISSION_DATE, C.DISCHARGE_DATE, C.HOSPITAL, C.DIAGNOSIS, C.CRITICAL_ILLNESS, "
            + "C.DISABILITY_GRADE, C.TOTAL_COST_FEN, C.BASIC_PAID_FEN, C.COMMERCIAL_PAID_FEN, C.STATUS, C.COMPUTED_FEN, "
            + "C.APPROVED_FEN, C.ASSESSMENT, C.REASON, C.FILED_BY, C.FILED_AT, C.PAYOUT_BATCH_ID, "
            + "C.PAYEE_BANK, C.PAYEE_ACCOUNT, C.PAID_ON, C.PAYMENT_FAILURE, P.NAME_EN "
            + "FROM MA_CLAIM C JOIN MA_MEMBER M ON M.ID = C.MEMBER_ID JOIN MA_ENROLMENT E ON E.ID = C.ENROLMENT_ID "
            + "JOIN MA_PLAN P ON P.ID = E.PLAN_ID ";

    /** The history's first step. */
    private static final String FILE = "FILE";

    /** Claims that count against the caps. */
    static final String COUNTING = in(java.util.Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::countsAgainstCaps).toList());

    private ClaimStore() {
    }

    /** Claims of one status in the whole tree: how many, what the rules computed, what was approved (fen). */
    public record StatusSums(ClaimStatus status, long count, long computedFen, long approvedFen) {
    }

    /** For the console: the whole tree's claims by status. */
    public static List<StatusSums> sumsByStatus(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT STATUS, COUNT(*), COALESCE(SUM(COMPUTED_FEN), 0), COALESCE(SUM(APPROVED_FEN), 0) "
                + "FROM MA_CLAIM GROUP BY STATUS", rs -> new StatusSums(Labels.of(ClaimStatus.class, rs.getString(1)), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)));
    }

    public record Event(Instant occurredAt, String actor, String action, String fromStatus, String toStatus, String detail) {
    }

    public static long insert(Connection c, long enrolmentId, long memberId, String orgPath, ClaimFacts f, String hospital,
                              String diagnosis, ClaimStatus status, Assessment assessment, String user) throws SQLException {
        return insert(c, enrolmentId, memberId, orgPath, f, hospital, diagnosis, status, assessment, user, new Payee(null, null));
    }

    public static long insert(Connection c, long enrolmentId, long memberId, String orgPath, ClaimFacts f, String hospital,
                              String diagnosis, ClaimStatus status, Assessment assessment, String user, Payee payee)
            throws SQLException {
        return insert(c, enrolmentId, memberId, orgPath, f, hospital, diagnosis, status, assessment, user, payee, Instant.now());
    }

    /**
     * A new claim on {@code enrolment}, answered as {@link #byId} and {@link #events} would read it back: built from the
     * values written (the time to the microsecond, as both databases keep it), so that a new claim's answer reads nothing
     * again (reading back what it had just written was about a sixth of a filing's time).
     */
    public static Map.Entry<Claim, List<Event>> file(Connection c, EnrolmentStore.EnrolmentView enrolment, ClaimFacts f, String hospital,
                                                    String diagnosis, Assessment assessment, String user, Payee payee) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ClaimStatus status = ClaimStatus.SUBMITTED;
        long id = insert(c, enrolment.id(), enrolment.memberId(), enrolment.orgPath(), f, hospital, diagnosis, status, assessment, user,
                payee, now);
        Claim claim = new Claim(id, enrolment.id(), enrolment.memberId(), enrolment.memberName(), enrolment.idNumber(), enrolment.orgPath(),
                enrolment.planCode(), enrolment.planNameZh(), f.type(), f.eventDate(), f.admissionDate(), f.dischargeDate(), hospital,
                diagnosis, f.criticalIllness(), f.disabilityGrade(), f.totalCostFen(), f.basicInsuranceFen(), f.commercialInsuranceFen(),
                status, assessment.totalFen(), null, assessment, null, user, now, null, payee.bankName(), payee.account(), null, null,
                enrolment.planNameEn());
        return Map.entry(claim, List.of(new Event(now, user, FILE, null, status.name(), null)));
    }

    private static long insert(Connection c, long enrolmentId, long memberId, String orgPath, ClaimFacts f, String hospital,
                               String diagnosis, ClaimStatus status, Assessment assessment, String user, Payee payee, Instant now)
            throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO MA_CLAIM (ENROLMENT_ID, MEMBER_ID, ORG_PATH, EVENT_TYPE, EVENT_DATE, ADMISSION_DATE, "
                        + "DISCHARGE_DATE, HOSPITAL, DIAGNOSIS, CRITICAL_ILLNESS, DISABILITY_GRADE, TOTAL_COST_FEN, BASIC_PAID_FEN, "
                        + "COMMERCIAL_PAID_FEN, STATUS, COMPUTED_FEN, ASSESSMENT, FILED_BY, FILED_AT, PAYEE_BANK, PAYEE_ACCOUNT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                enrolmentId, memberId, orgPath, f.type(), f.eventDate(), f.admissionDate(), f.dischargeDate(), hospital, diagnosis,
                f.criticalIllness(), f.disabilityGrade(), f.totalCostFen(), f.basicInsuranceFen(), f.commercialInsuranceFen(), status.name(),
                assessment.totalFen(), Json.write(assessment), user, now, payee.bankName(), payee.account());
        event(c, id, user, FILE, null, status, null, now);
        return id;
    }

    /** One line of a claim's history: {@code action} is a {@code ClaimAction} or FILE, PAY, DOCUMENT. */
    public static void event(Connection c, long claimId, String actor, String action, ClaimStatus from, ClaimStatus to, String detail)
            throws SQLException {
        event(c, claimId, actor, action, from, to, detail, Instant.now());
    }

    private static void event(Connection c, long claimId, String actor, String action, ClaimStatus from, ClaimStatus to, String detail,
                              Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO MA_CLAIM_EVENT (CLAIM_ID, OCCURRED_AT, ACTOR, ACTION, FROM_STATUS, TO_STATUS, DETAIL) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", claimId, at, actor, action, from == null ? null : from.name(), to.name(), detail);
    }

    /** {@link #event} for many claims at once (the same step, e.g. into a payout batch), as JDBC batches of 500. */
    public static void events(Connection c, List<Long> claimIds, String actor, String action, ClaimStatus from, ClaimStatus to,
                              String detail) throws SQLException {
        Instant now = Instant.now();
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO MA_CLAIM_EVENT (CLAIM_ID, OCCURRED_AT, ACTOR, ACTION, "
                + "FROM_STATUS, TO_STATUS, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (long claimId : claimIds) {
                Jdbc.bind(ps, claimId, now, actor, action, from == null ? null : from.name(), to.name(), detail);
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The enrolment a claim belongs to, whoever may see it (to take the enrolment's lock first). */
    public static Optional<Long> enrolmentIdOf(Connection c, long claimId) throws SQLException {
        return Jdbc.one(c, "SELECT ENROLMENT_ID FROM MA_CLAIM WHERE ID = ?", rs -> rs.getLong(1), claimId);
    }

    public static Optional<Claim> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, SELECT + "WHERE C.ID = ?", ClaimStore::map, id);
    }

    private static final String SUMMARY = "SELECT C.ID, C.ENROLMENT_ID, M.NAME, M.ID_NUMBER, E.PLAN_CODE, P.NAME_ZH, C.EVENT_TYPE, "
            + "C.EVENT_DATE, C.ADMISSION_DATE, C.DISCHARGE_DATE, C.HOSPITAL, C.TOTAL_COST_FEN, C.STATUS, C.COMPUTED_FEN, "
            + "C.APPROVED_FEN, C.FILED_BY, C.FILED_AT, C.PAYOUT_BATCH_ID, C.PAID_ON, P.NAME_EN "
            + "FROM MA_CLAIM C JOIN MA_MEMBER M ON M.ID = C.MEMBER_ID JOIN MA_ENROLMENT E ON E.ID = C.ENROLMENT_ID "
            + "JOIN MA_PLAN P ON P.ID = E.PLAN_ID ";

    /**
     * A page of a subtree's claims, newest first. The page's ids come from an index alone (V5: newest first,
     * overall or per status), then only those rows are joined; the ids go in as a fixed number of
     * parameters (padded with -1), so the statement is compiled once per page size, not once per page.
     */
    public static List<ClaimSummary> page(Connection c, DataScope scope, ClaimStatus status, Long memberId, long offset,
                                          int limit)
            throws SQLException {
        Where f = filter(scope, status, memberId);
        int size = Math.max(1, limit);
        List<Long> ids = Jdbc.list(c, "SELECT C.ID FROM MA_CLAIM C " + f.sql() + " ORDER BY C.ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                rs -> rs.getLong(1), f.paramsAnd(Math.max(0, offset), size));
        if (ids.isEmpty()) {
            return List.of();
        }
        Object[] padded = new Object[size];
        java.util.Arrays.fill(padded, -1L);
        for (int i = 0; i < ids.size(); i++) {
            padded[i] = ids.get(i);
        }
        return Jdbc.list(c, SUMMARY + "WHERE C.ID IN (" + String.join(", ", java.util.Collections.nCopies(size, "?"))
                + ") ORDER BY C.ID DESC", ClaimStore::summary, padded);
    }

    /** Every claim of a subtree (of a status, of a member), newest first: for exports. */
    public static List<ClaimSummary> all(Connection c, DataScope scope, ClaimStatus status, Long memberId) throws SQLException {
        Where f = filter(scope, status, memberId);
        return Jdbc.list(c, SUMMARY + f.sql() + " ORDER BY C.ID DESC", ClaimStore::summary, f.params());
    }

    /** A member's own claims, newest first, in full (the member's page shows each assessment). */
    public static List<Claim> ofMember(Connection c, long memberId, int limit) throws SQLException {
        return Jdbc.list(c, SELECT + "WHERE C.MEMBER_ID = ? ORDER BY C.ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                ClaimStore::map, memberId);
    }

    public static long count(Connection c, DataScope scope, ClaimStatus status, Long memberId) throws SQLException {
        Where f = filter(scope, status, memberId);
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_CLAIM C " + f.sql(), f.params());
    }

    /** How many claims of a subtree are in one of {@code statuses} (the home page's to-do count). */
    public static long countIn(Connection c, DataScope scope, java.util.Collection<ClaimStatus> statuses) throws SQLException {
        Where f = scope.where("C.ORG_PATH").and("C.STATUS IN (" + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?"))
                + ")", statuses.stream().map(ClaimStatus::code).toArray());
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_CLAIM C " + f.sql(), f.params());
    }

    /** Claims of a subtree, optionally of one status and of one member. */
    private static Where filter(DataScope scope, ClaimStatus status, Long memberId) {
        return scope.where("C.ORG_PATH")
                .andIfPresent("C.STATUS = ?", status == null ? null : status.code())
                .andIfPresent("C.MEMBER_ID = ?", memberId);
    }

    /**
     * A claim's history in the order it was written. The few rows are put in order here: on Derby, whose index for
     * CLAIM_ID is the foreign key's, ORDER BY ID meant a sort per read, and its sorter builds its statistics text each
     * time (7 % of a claim's detail request).
     */
    public static List<Event> events(Connection c, long claimId) throws SQLException {
        record Numbered(long id, Event event) {
        }
        return Jdbc.list(c, "SELECT ID, OCCURRED_AT, ACTOR, ACTION, FROM_STATUS, TO_STATUS, DETAIL FROM MA_CLAIM_EVENT WHERE CLAIM_ID = ?",
                rs -> new Numbered(rs.getLong(1), new Event(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))), claimId)
                .stream().sorted(java.util.Comparator.comparingLong(Numbered::id)).map(Numbered::event).toList();
    }

    /**
     * An open claim (not rejected) on the same enrolment for the same event or an overlapping stay. The database picks it
     * (a chronic patient's enrolment holds many claims; reading each one back cost a new claim most of its time).
     */
    public static Optional<Long> overlapping(Connection c, long enrolmentId, ClaimFacts f) throws SQLException {
        // the lowest such id: MIN needs no sort, where ORDER BY ... FETCH FIRST made Derby sort the matches
        String sql = "SELECT MIN(C.ID) AS LOWEST FROM MA_CLAIM C WHERE C.ENROLMENT_ID = ? AND C.STATUS <> ? AND ";
        String sameEvent = "C.EVENT_TYPE = ? AND C.EVENT_DATE = ?";
        List<Long> lowest = f.hasHospitalStay()
                ? Jdbc.list(c, sql + "((" + sameEvent + ") OR (C.ADMISSION_DATE IS NOT NULL AND C.DISCHARGE_DATE IS NOT NULL "
                        + "AND C.ADMISSION_DATE <= ? AND C.DISCHARGE_DATE >= ?))", rs -> Jdbc.longOrNull(rs, "LOWEST"), enrolmentId,
                        ClaimStatus.REJECTED.name(), f.type(), f.eventDate(), f.dischargeDate(), f.admissionDate())
                : Jdbc.list(c, sql + sameEvent, rs -> Jdbc.longOrNull(rs, "LOWEST"), enrolmentId, ClaimStatus.REJECTED.name(), f.type(),
                        f.eventDate());
        return lowest.stream().filter(java.util.Objects::nonNull).findFirst();   // MIN of no rows is one row of null
    }

    /**
     * What approved and paid claims of this enrolment (other than {@code exceptClaimId}) already used.
     * The item sums come from the assessed lines; an approved amount lowered by a reviewer therefore
     * counts at its assessed size, which can only make later payments smaller, never larger.
     */
    public static PriorUsage priorUsage(Connection c, long enrolmentId, long exceptClaimId, int medicalYear) throws SQLException {
        record Counted(long paidFen, Assessment assessment, int medicalYear) {
        }
        long paid = 0;
        long medicalInYear = 0;
        long disability = 0;
        boolean criticalIllness = false;
        // only the columns the caps need: no joins, no other claim's text
        for (Counted other : Jdbc.list(c, "SELECT C.COMPUTED_FEN, C.APPROVED_FEN, C.ASSESSMENT, C.EVENT_DATE, C.DISCHARGE_DATE "
                        + "FROM MA_CLAIM C WHERE C.ENROLMENT_ID = ? AND C.STATUS IN " + COUNTING + " AND C.ID <> ?",
                rs -> new Counted(Optional.ofNullable(Jdbc.longOrNull(rs, "APPROVED_FEN")).orElse(rs.getLong(1)),
                        Json.read(rs.getString(3), Assessment.class),
                        ClaimFacts.medicalYear(Jdbc.date(rs, "EVENT_DATE"), Jdbc.date(rs, "DISCHARGE_DATE"))),
                enrolmentId, exceptClaimId)) {
            paid = Math.addExact(paid, other.paidFen());
            for (Line line : other.assessment().lines()) {
                switch (line.item()) {
                    case "MEDICAL" -> {
                        if (other.medicalYear() == medicalYear) {
                            medicalInYear = Math.addExact(medicalInYear, line.amountFen());
                        }
                    }
                    case "CRITICAL_ILLNESS" -> criticalIllness |= line.amountFen() > 0;
                    case "DISABILITY" -> disability = Math.addExact(disability, line.amountFen());
                    default -> {
                        // other items have no cap of their own
                    }
                }
            }
        }
        return new PriorUsage(paid, medicalInYear, criticalIllness, disability);
    }

    /** Moves a claim from one of {@code from} to {@code to}; false when another request moved it first. */
    public static boolean transition(Connection c, long id, java.util.Collection<ClaimStatus> from, ClaimStatus to, Long approvedFen,
                                     Assessment assessment, String reason) throws SQLException {
        String in = in(from);
        if (assessment != null) {
            return Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, APPROVED_FEN = ?, ASSESSMENT = ?, COMPUTED_FEN = ?, REASON = ? "
                    + "WHERE ID = ? AND STATUS IN " + in, to.name(), approvedFen, Json.write(assessment), assessment.totalFen(),
                    reason, id) == 1;
        }
        return Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, REASON = ? WHERE ID = ? AND STATUS IN " + in,
                to.name(), reason, id) == 1;
    }

    /** Sets where a claim's benefit goes; false when the claim has meanwhile left the statuses that allow it. */
    public static boolean setPayee(Connection c, long id, Payee payee, java.util.Collection<ClaimStatus> allowed) throws SQLException {
        return Jdbc.update(c, "UPDATE MA_CLAIM SET PAYEE_BANK = ?, PAYEE_ACCOUNT = ? WHERE ID = ? AND STATUS IN " + in(allowed),
                payee.bankName(), payee.account(), id) == 1;
    }

    /** {@code ('A', 'B')}: enum names only, so the text is safe to put in a statement. */
    private static String in(java.util.Collection<ClaimStatus> statuses) {
        return "(" + String.join(", ", statuses.stream().map(s -> "'" + s.name() + "'").toList()) + ")";
    }

    private static ClaimSummary summary(ResultSet rs) throws SQLException {
        return new ClaimSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                EventType.valueOf(rs.getString(7)), Jdbc.date(rs, "EVENT_DATE"), Jdbc.date(rs, "ADMISSION_DATE"),
                Jdbc.date(rs, "DISCHARGE_DATE"), rs.getString(11), rs.getLong(12), Labels.of(ClaimStatus.class, rs.getString(13)), rs.getLong(14),
                Jdbc.longOrNull(rs, "APPROVED_FEN"), rs.getString(16), rs.getTimestamp(17).toInstant(),
                Jdbc.longOrNull(rs, "PAYOUT_BATCH_ID"), Jdbc.date(rs, "PAID_ON"), rs.getString(20));
    }

    static Claim map(ResultSet rs) throws SQLException {
        return new Claim(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), EventType.valueOf(rs.getString(9)), Jdbc.date(rs, "EVENT_DATE"),
                Jdbc.date(rs, "ADMISSION_DATE"), Jdbc.date(rs, "DISCHARGE_DATE"), rs.getString(13), rs.getString(14), rs.getString(15),
                Jdbc.intOrNull(rs, "DISABILITY_GRADE"), rs.getLong(17), rs.getLong(18), rs.getLong(19), Labels.of(ClaimStatus.class, rs.getString(20)),
                rs.getLong(21), Jdbc.longOrNull(rs, "APPROVED_FEN"), Json.read(rs.getString(23), Assessment.class), rs.getString(24),
                rs.getString(25), rs.getTimestamp(26).toInstant(), Jdbc.longOrNull(rs, "PAYOUT_BATCH_ID"), rs.getString(28),
                rs.getString(29), Jdbc.date(rs, "PAID_ON"), rs.getString(31), rs.getString(32));
    }
}
