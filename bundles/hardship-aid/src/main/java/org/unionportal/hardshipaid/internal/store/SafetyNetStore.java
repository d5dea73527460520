package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.ApprovalStatus;
import org.unionportal.hardshipaid.internal.rules.SafetyNet;

/** Medical costs of households and the safety-net awards paid on them. */
public final class SafetyNetStore {
    static final String AWARD_COLUMNS = "ID, HOUSEHOLD_ID, AWARD_YEAR, AMOUNT_FEN, STATUS, CALCULATION, PROPOSED_BY, PROPOSED_AT, "
            + "DECIDED_BY, DECIDED_AT, PAID_AT, NOTE";

    private SafetyNetStore() {
    }

    public record Expense(long id, long memberId, String memberName, LocalDate date, String hospital, long totalFen,
            long reimbursedFen, long selfPayFen, String note, String recordedBy) {
    }

    public record Award(long id, long householdId, int year, long amountFen, ApprovalStatus status, String calculationZh,
            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, Instant paidAt, String note) {
    }

    /** A household with costs in the year. */
    public record Household(long id, String headName, String certificateNo) {
    }

    /** Households of the scope with medical costs in the year, by id. */
    public static List<Household> householdsWithCosts(Connection c, DataScope scope, int year) throws SQLException {
        var where = scope.where("H.ORG_PATH").and("EXISTS (SELECT 1 FROM HA_MEDICAL_EXPENSE E WHERE E.HOUSEHOLD_ID = H.ID "
                + "AND E.EXPENSE_DATE BETWEEN ? AND ?)", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return Jdbc.list(c, "SELECT H.ID, H.HEAD_NAME, H.CERTIFICATE_NO FROM HA_HOUSEHOLD H " + where.sql() + " ORDER BY H.ID",
                rs -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3)), where.params());
    }

    public static long insertExpense(Connection c, long householdId, long memberId, LocalDate date, String hospital, long totalFen,
            long reimbursedFen, String note, String user, Instant at) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO HA_MEDICAL_EXPENSE (HOUSEHOLD_ID, MEMBER_ID, EXPENSE_DATE, HOSPITAL, TOTAL_FEN, "
                + "REIMBURSED_FEN, NOTE, RECORDED_BY, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", householdId, memberId, date,
                hospital, totalFen, reimbursedFen, note, user, at);
    }

    public static List<Expense> expenses(Connection c, long householdId, int year) throws SQLException {
        return Jdbc.list(c, "SELECT E.ID, E.MEMBER_ID, M.NAME, E.EXPENSE_DATE, E.HOSPITAL, E.TOTAL_FEN, E.REIMBURSED_FEN, E.NOTE, "
                + "E.RECORDED_BY FROM HA_MEDICAL_EXPENSE E JOIN HA_MEMBER M ON M.ID = E.MEMBER_ID WHERE E.HOUSEHOLD_ID = ? AND "
                + "E.EXPENSE_DATE BETWEEN ? AND ? ORDER BY E.EXPENSE_DATE, E.ID", rs -> new Expense(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getLong(6), rs.getLong(7),
                Math.subtractExact(rs.getLong(6), rs.getLong(7)), rs.getString(8), rs.getString(9)), householdId,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The year's costs of the household, for the rules. */
    public static List<SafetyNet.Cost> costs(Connection c, long householdId, int year) throws SQLException {
        return Jdbc.list(c, "SELECT TOTAL_FEN, REIMBURSED_FEN FROM HA_MEDICAL_EXPENSE WHERE HOUSEHOLD_ID = ? "
                + "AND EXPENSE_DATE BETWEEN ? AND ?", rs -> new SafetyNet.Cost(rs.getLong(1), rs.getLong(2)), householdId,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** What was proposed, approved or paid for the household's year already. */
    public static long awardedFen(Connection c, long householdId, int year) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM HA_SAFETY_NET_AWARD WHERE HOUSEHOLD_ID = ? AND AWARD_YEAR = ? "
                + "AND STATUS IN (?, ?, ?)", rs -> rs.getLong(1), householdId, year, ApprovalStatus.APPROVED.code(),
                ApprovalStatus.PAID.code(), ApprovalStatus.PROPOSED.code()).orElse(0L);
    }

    public static boolean hasProposed(Connection c, long householdId, int year) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_SAFETY_NET_AWARD WHERE HOUSEHOLD_ID = ? AND AWARD_YEAR = ? AND STATUS = ?",
                householdId, year, ApprovalStatus.PROPOSED.code()) > 0;
    }

    public static long propose(Connection c, long householdId, int year, long amountFen, String calculation, String user, Instant at,
            String note) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO HA_SAFETY_NET_AWARD (HOUSEHOLD_ID, AWARD_YEAR, AMOUNT_FEN, STATUS, CALCULATION, "
                + "PROPOSED_BY, PROPOSED_AT, NOTE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", householdId, year, amountFen,
                ApprovalStatus.PROPOSED.code(), calculation, user, at, note);
    }

    public static void lockAward(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_SAFETY_NET_AWARD SET STATUS = STATUS WHERE ID = ?", id);
    }

    public static void decide(Connection c, long id, ApprovalStatus status, String user, Instant at, String note) throws SQLException {
        Jdbc.update(c, "UPDATE HA_SAFETY_NET_AWARD SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, NOTE = COALESCE(?, NOTE) WHERE ID = ?",
                status.code(), user, at, note, id);
    }

    public static void paid(Connection c, long id, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE HA_SAFETY_NET_AWARD SET STATUS = ?, PAID_AT = ? WHERE ID = ?", ApprovalStatus.PAID.code(), at, id);
    }

    public static Optional<Award> award(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + AWARD_COLUMNS + " FROM HA_SAFETY_NET_AWARD WHERE ID = ?", SafetyNetStore::award, id);
    }

    public static List<Award> awards(Connection c, long householdId, int year) throws SQLException {
        return Jdbc.list(c, "SELECT " + AWARD_COLUMNS + " FROM HA_SAFETY_NET_AWARD WHERE HOUSEHOLD_ID = ? AND AWARD_YEAR = ? ORDER BY ID",
                SafetyNetStore::award, householdId, year);
    }

    public static long countProposed(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_SAFETY_NET_AWARD WHERE STATUS = ?", ApprovalStatus.PROPOSED.code());
    }

    static Award award(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(10);
        Timestamp paid = rs.getTimestamp(11);
        return new Award(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), Labels.of(ApprovalStatus.class, rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                decided == null ? null : decided.toInstant(), paid == null ? null : paid.toInstant(), rs.getString(12));
    }
}
