package org.unionportal.hardshipaid.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.audit.AuditLabels;
import org.unionportal.api.i18n.Text;

/** What the module's audit entries are called on the portal's audit page (操作日志). */
@Component(service = AuditLabels.class)
public class HardshipAidAuditLabels implements AuditLabels {
    private static final Map<String, Text> RECORD_TYPES = Map.of(
            "household", Text.of("困难家庭", "Household"),
            "batch", Text.of("发放批次", "Payment batch"),
            "standard", Text.of("救助标准", "Aid standard"),
            "award", Text.of("医疗兜底", "Safety-net award"),
            "expense", Text.of("医疗费用", "Medical expense"));
    private static final Map<String, Text> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", Text.of("新建", "Create")),
            Map.entry("UPDATE", Text.of("修改", "Change")),
            Map.entry("APPROVE", Text.of("批准", "Approve")),
            Map.entry("RETURN", Text.of("退回补正", "Return")),
            Map.entry("REJECT", Text.of("不予批准", "Reject")),
            Map.entry("RECHECK", Text.of("年度复核", "Annual re-check")),
            Map.entry("LEAVE", Text.of("出档", "Leave the register")),
            Map.entry("ADD_DOCUMENT", Text.of("上传材料", "Add a document")),
            Map.entry("DELETE_DOCUMENT", Text.of("删除材料", "Remove a document")),
            Map.entry("DISCARD", Text.of("作废", "Discard")),
            Map.entry("EXPORT", Text.of("导出文件", "File exported")),
            Map.entry("RESULT", Text.of("登记发放结果", "Bank result recorded")),
            Map.entry("PROPOSE", Text.of("提出", "Propose")),
            Map.entry("PAID", Text.of("登记支付", "Paid")));

    private static final Map<String, Text> FIELDS = Map.ofEntries(
            Map.entry("status", Text.of("状态", "Status")),
            Map.entry("amountFen", Text.of("金额（分）", "Amount (fen)")),
            Map.entry("totalFen", Text.of("合计（分）", "Total (fen)")),
            Map.entry("note", Text.of("说明", "Note")),
            Map.entry("reason", Text.of("原因", "Reason")),
            Map.entry("year", Text.of("年度", "Year")),
            Map.entry("period", Text.of("期间", "Period")),
            Map.entry("kind", Text.of("类型", "Kind")),
            Map.entry("file", Text.of("文件", "File")),
            Map.entry("format", Text.of("格式", "Format")),
            Map.entry("rows", Text.of("行数", "Rows")),
            Map.entry("document", Text.of("材料", "Document")),
            Map.entry("attachmentId", Text.of("附件编号", "Attachment no.")),
            Map.entry("sha256", Text.of("校验值", "Checksum")),
            Map.entry("orgId", Text.of("所属组织", "Organisation")),
            Map.entry("level", Text.of("等级", "Level")),
            Map.entry("item", Text.of("项目", "Item")),
            Map.entry("effectiveFrom", Text.of("执行日期", "In force from")),
            Map.entry("householdId", Text.of("户编号", "Household no.")),
            Map.entry("lineCount", Text.of("笔数", "Lines")),
            Map.entry("requestedLevel", Text.of("申请等级", "Level asked for")),
            Map.entry("fileLevel", Text.of("建档层级", "Filed at")),
            Map.entry("certificateNo", Text.of("优惠证号", "Certificate no.")),
            Map.entry("memberCount", Text.of("家庭人数", "Members")),
            Map.entry("causes", Text.of("致困原因", "Causes")),
            Map.entry("nextReviewDate", Text.of("下次复核", "Next re-check")),
            Map.entry("leftOn", Text.of("出档日期", "Left on")),
            Map.entry("reissueOf", Text.of("重发自批次", "Reissue of batch")),
            Map.entry("paid", Text.of("已支付", "Paid")));

    @Override
    public Map<String, Text> fields() {
        return FIELDS;
    }

    @Override
    public String module() {
        return "hardship-aid";
    }

    @Override
    public Text name() {
        return Text.of("困难职工帮扶", "Hardship aid"); // as its bundle header names it
    }

    @Override
    public Map<String, Text> recordTypes() {
        return RECORD_TYPES;
    }

    @Override
    public Map<String, Text> actions() {
        return ACTIONS;
    }
}
