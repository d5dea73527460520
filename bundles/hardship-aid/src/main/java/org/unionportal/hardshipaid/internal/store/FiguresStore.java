package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.ApprovalStatus;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.rules.PaymentStatus;

/** Counts and sums for the figures page and the console. */
public final class FiguresStore {
    private FiguresStore() {
    }

    /** Households on file in one organisation at one level. */
    public record OnFile(String orgPath, String level, long count) {
    }

    public record PaymentRow(String item, String period, long count, long totalFen) {
    }

    public record Sum(long count, long totalFen) {
    }

    public static List<OnFile> onFile(Connection c, DataScope scope) throws SQLException {
        var where = scope.where("ORG_PATH").and("STATUS = ?", HouseholdStatus.ON_FILE.code());
        return Jdbc.list(c, "SELECT ORG_PATH, LEVEL, COUNT(*) FROM HA_HOUSEHOLD " + where.sql() + " GROUP BY ORG_PATH, LEVEL",
                rs -> new OnFile(rs.getString(1), rs.getString(2), rs.getLong(3)), where.params());
    }

    /** Approved and paid payments due in the year, by item and period. */
    public static List<PaymentRow> payments(Connection c, DataScope scope, int year) throws SQLException {
        var where = scope.where("H.ORG_PATH").and("P.STATUS IN (?, ?)", PaymentStatus.APPROVED.code(), PaymentStatus.PAID.code())
                .and("P.DUE_DATE BETWEEN ? AND ?", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return Jdbc.list(c, "SELECT P.ITEM, P.PERIOD, COUNT(*), SUM(P.AMOUNT_FEN) FROM HA_PAYMENT P JOIN HA_HOUSEHOLD H "
                + "ON H.ID = P.HOUSEHOLD_ID " + where.sql() + " GROUP BY P.ITEM, P.PERIOD ORDER BY P.PERIOD, P.ITEM",
                rs -> new PaymentRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), where.params());
    }

    /** Safety-net awards approved or paid for the year. */
    public static Sum safetyNet(Connection c, DataScope scope, int year) throws SQLException {
        var where = scope.where("H.ORG_PATH").and("A.AWARD_YEAR = ?", year)
                .and("A.STATUS IN (?, ?)", ApprovalStatus.APPROVED.code(), ApprovalStatus.PAID.code());
        return Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(A.AMOUNT_FEN), 0) FROM HA_SAFETY_NET_AWARD A JOIN HA_HOUSEHOLD H "
                + "ON H.ID = A.HOUSEHOLD_ID " + where.sql(), rs -> new Sum(rs.getLong(1), rs.getLong(2)), where.params())
                .orElse(new Sum(0, 0));
    }

    /** Households by status and level (requested level while not decided), in the scope: rows of status, level, count. */
    public static List<List<String>> householdsByStatus(Connection c, DataScope scope) throws SQLException {
        var where = scope.where("ORG_PATH");
        return Jdbc.list(c, "SELECT STATUS, COALESCE(LEVEL, REQUESTED_LEVEL), COUNT(*) FROM HA_HOUSEHOLD " + where.sql()
                + " GROUP BY STATUS, COALESCE(LEVEL, REQUESTED_LEVEL) ORDER BY 1, 2",
                rs -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3))), where.params());
    }

    /** The latest batches of the scope with their line count and total: id, kind, period, status, lines, total fen. */
    public static List<Object[]> latestBatches(Connection c, DataScope scope, int limit) throws SQLException {
        var where = scope.where("B.ORG_PATH");
        return Jdbc.list(c, "SELECT B.ID, B.KIND, B.PERIOD, B.STATUS, COUNT(P.ID), COALESCE(SUM(P.AMOUNT_FEN), 0) "
                + "FROM HA_BATCH B LEFT JOIN HA_PAYMENT P ON P.BATCH_ID = B.ID " + where.sql()
                + " GROUP BY B.ID, B.KIND, B.PERIOD, B.STATUS ORDER BY B.ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)},
                where.params());
    }
}
