package org.unionportal.hardshipaid.internal.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.Figure;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.store.DocumentStore;

/** The module's figures for the portal's console page, of the whole union tree: one grouped query per table. */
final class StatusCounts {
    private StatusCounts() {
    }

    static List<Figure> figures(Connection c) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        Map<String, Long> households = new HashMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT STATUS, COUNT(*) FROM HA_HOUSEHOLD GROUP BY STATUS",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            households.put((String) r[0], (Long) r[1]);
        }
        figures.add(Figure.count("households." + HouseholdStatus.ON_FILE.name(), Text.of("在档困难职工家庭", "Households on file"),
                households.getOrDefault(HouseholdStatus.ON_FILE.name(), 0L)));
        figures.add(Figure.pending("households." + HouseholdStatus.APPLIED.name(), Text.of("待审核建档申请", "Applications to review"),
                households.getOrDefault(HouseholdStatus.APPLIED.name(), 0L)));
        figures.add(Figure.count("households." + HouseholdStatus.RETURNED.name(), Text.of("退回补充的申请", "Applications returned"),
                households.getOrDefault(HouseholdStatus.RETURNED.name(), 0L)));
        figures.add(Figure.pending("standards.proposed", Text.of("待复核的救助标准", "Standards awaiting approval"),
                Jdbc.count(c, "SELECT COUNT(*) FROM HA_STANDARD WHERE STATUS = 'PROPOSED'")));
        figures.add(Figure.pending("safetyNet.proposed", Text.of("待审批的医疗兜底", "Safety-net awards awaiting approval"),
                Jdbc.count(c, "SELECT COUNT(*) FROM HA_SAFETY_NET_AWARD WHERE STATUS = 'PROPOSED'")));
        Map<String, Long> batches = new HashMap<>();
        for (Object[] r : Jdbc.list(c, "SELECT KIND, COUNT(*) FROM HA_BATCH GROUP BY KIND",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            batches.put((String) r[0], (Long) r[1]);
        }
        for (BatchKind kind : BatchKind.values()) {
            figures.add(Figure.count("batches." + kind.name(), Text.of("发放批次：" + kind.zh(), "Batches: " + kind.en()),
                    batches.getOrDefault(kind.name(), 0L)));
        }
        // the documents of earlier versions still served from the module's old table (0 once the handover is done)
        figures.add(Figure.count("documents.notHandedOver", Text.of("尚未移交附件服务的旧材料", "Old documents not yet in the attachments"),
                DocumentStore.countNotHandedOver(c)));
        figures.add(Figure.money("payments.totalFen", Text.of("发放金额合计", "Payments in all batches"),
                Jdbc.one(c, "SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM HA_PAYMENT", rs -> rs.getLong(1)).orElse(0L)));
        return figures;
    }
}
