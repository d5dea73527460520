package org.unionportal.mutualaid.internal.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.Figure;

/** The module's figures for the portal's console page, of the whole union tree: one grouped query per table. */
final class StatusCounts {
    /** Claim statuses in the order shown; those waiting for staff are pending work. */
    private record ClaimState(String code, Text label, boolean pending) {
    }

    private static final List<ClaimState> CLAIM_STATES = List.of(
            new ClaimState("DRAFT", Text.of("理赔草稿", "Draft claims"), false),
            new ClaimState("SUBMITTED", Text.of("待审核理赔", "Claims to review"), true),
            new ClaimState("UNDER_REVIEW", Text.of("审核中理赔", "Claims under review"), true),
            new ClaimState("RETURNED", Text.of("退回补充材料的理赔", "Claims returned for documents"), false),
            new ClaimState("APPROVED", Text.of("已核准待支付理赔", "Approved claims waiting for payment"), true),
            new ClaimState("IN_PAYMENT", Text.of("支付中理赔（待银行结果）", "Claims in payment (awaiting the bank)"), true),
            new ClaimState("REJECTED", Text.of("不予理赔", "Rejected claims"), false),
            new ClaimState("PAID", Text.of("已支付理赔", "Paid claims"), false));

    private StatusCounts() {
    }

    static List<Figure> figures(Connection c, LocalDate today) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.count("plans.current", Text.of("现行互助项目", "Current plans"),
                Jdbc.count(c, "SELECT COUNT(*) FROM MA_PLAN WHERE CURRENT_VERSION = ?", true)));
        // statuses as of today, as CoverStatus derives them for the lists
        Map<String, Long> enrolments = new HashMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT S, COUNT(*) FROM (SELECT CASE WHEN STATUS IN ('ACTIVE', 'PENDING_PAYMENT') "
                + "AND COVER_END < ? THEN 'EXPIRED' ELSE STATUS END AS S FROM MA_ENROLMENT) T GROUP BY S",
                rs -> new Object[] {rs.getString(1).strip(), rs.getLong(2)}, today)) {
            enrolments.merge((String) r[0], (Long) r[1], Long::sum);
        }
        figures.add(Figure.count("enrolments.active", Text.of("保障中参保人次", "Active covers"), enrolments.getOrDefault("ACTIVE", 0L)));
        figures.add(Figure.pending("enrolments.pendingPayment", Text.of("待缴费参保人次", "Enrolments waiting for payment"),
                enrolments.getOrDefault("PENDING_PAYMENT", 0L)));
        Map<String, Long> claims = new HashMap<>();
        long approvedFen = 0;
        for (Object[] r : Jdbc.list(c, "SELECT STATUS, COUNT(*), COALESCE(SUM(APPROVED_FEN), 0) FROM MA_CLAIM GROUP BY STATUS",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})) {
            claims.put((String) r[0], (Long) r[1]);
            if ("APPROVED".equals(r[0]) || "IN_PAYMENT".equals(r[0]) || "PAID".equals(r[0])) {
                approvedFen = Math.addExact(approvedFen, (Long) r[2]);
            }
        }
        for (ClaimState s : CLAIM_STATES) {
            long n = claims.getOrDefault(s.code(), 0L);
            figures.add(new Figure("claims." + s.code(), s.label(), n, Figure.Unit.COUNT, s.pending()));
        }
        figures.add(Figure.money("claims.approvedFen", Text.of("核准互助金合计", "Benefits approved"), approvedFen));
        // Paid is what the bank's results paid, not what batches hold; discarded batches do not count.
        long[] payouts = {Jdbc.count(c, "SELECT COUNT(*) FROM MA_PAYOUT_BATCH WHERE STATUS <> 'DISCARDED'"),
            Jdbc.one(c, "SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM MA_PAYOUT_LINE WHERE STATUS = 'PAID'", rs -> rs.getLong(1)).orElse(0L)};
        figures.add(Figure.count("payouts.batches", Text.of("支付批次", "Payout batches"), payouts[0]));
        figures.add(Figure.money("payouts.totalFen", Text.of("已支付互助金", "Benefits paid"), payouts[1]));
        return figures;
    }
}
