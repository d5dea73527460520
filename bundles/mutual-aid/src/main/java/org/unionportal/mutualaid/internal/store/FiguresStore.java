package org.unionportal.mutualaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;

/** Figures (统计) of a subtree: enrolments (人次) and payouts (count and sum) for a year. */
public final class FiguresStore {
    private FiguresStore() {
    }

    /**
     * The figures of a year for the user's subtree and the organisations directly below it.
     * One grouped query per table (enrolments by organisation and plan, paid claims by organisation and plan), rolled up
     * here: the totals, each child's subtree and each plan come from the same rows instead of a scan each.
     */
    public static Map<String, Object> figures(Connection c, DataScope scope, List<OrganisationInfo> children, int y,
                                              LocalDate from, LocalDate to) throws SQLException {
        record Cell(String orgPath, String planCode, long count, long fen) {
        }
        Where enrolments = scope.where("ORG_PATH").and("STATUS <> 'CANCELLED'").and("COVER_START <= ?", to)
                .and("COVER_END >= ?", from);
        List<Cell> enrolled = Jdbc.list(c, "SELECT ORG_PATH, PLAN_CODE, COUNT(*) FROM MA_ENROLMENT " + enrolments.sql()
                + " GROUP BY ORG_PATH, PLAN_CODE", rs -> new Cell(rs.getString(1), rs.getString(2), rs.getLong(3), 0), enrolments.params());
        Where payouts = scope.where("C.ORG_PATH").and("C.STATUS = ?", ClaimStatus.PAID.code()).and("C.EVENT_DATE BETWEEN ? AND ?", from, to);
        List<Cell> paid = Jdbc.list(c, "SELECT C.ORG_PATH, E.PLAN_CODE, COUNT(*), COALESCE(SUM(C.APPROVED_FEN), 0) FROM MA_CLAIM C "
                + "JOIN MA_ENROLMENT E ON E.ID = C.ENROLMENT_ID " + payouts.sql() + " GROUP BY C.ORG_PATH, E.PLAN_CODE",
                rs -> new Cell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), payouts.params());
        Map<String, String> planNames = new java.util.HashMap<>();
        Map<String, String> planNamesEn = new java.util.HashMap<>();   // the English page shows these
        for (String[] p : Jdbc.list(c, "SELECT CODE, MAX(NAME_ZH), MAX(NAME_EN) FROM MA_PLAN GROUP BY CODE", rs -> new String[] {rs.getString(1),
                rs.getString(2), rs.getString(3)})) {
            planNames.put(p[0], p[1]);
            planNamesEn.put(p[0], p[2]);
        }
        java.util.function.Function<java.util.function.Predicate<Cell>, Map<String, Object>> sum = which -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("enrolments", enrolled.stream().filter(which).mapToLong(Cell::count).sum());
            row.put("payouts", paid.stream().filter(which).mapToLong(Cell::count).sum());
            row.put("paidFen", paid.stream().filter(which).mapToLong(Cell::fen).sum());
            return row;
        };
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("year", y);
        result.put("total", sum.apply(cell -> true));
        List<Map<String, Object>> byPlan = new ArrayList<>();
        for (String code : enrolled.stream().map(Cell::planCode).distinct().sorted().toList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("planCode", code);
            row.put("planNameZh", planNames.get(code));
            row.put("planNameEn", planNamesEn.get(code));
            row.putAll(sum.apply(cell -> code.equals(cell.planCode())));
            byPlan.add(row);
        }
        result.put("byPlan", byPlan);
        List<Map<String, Object>> byOrg = new ArrayList<>();
        for (OrganisationInfo child : children) {
            Map<String, Object> row = sum.apply(cell -> DataScope.subtree(child.path()).covers(cell.orgPath()));
            row.put("orgId", child.id());
            row.put("orgName", child.name());
            byOrg.add(row);
        }
        result.put("byOrganisation", byOrg);
        return result;
    }
}
