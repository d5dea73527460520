package org.unionportal.mutualaid.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.audit.AuditLabels;
import org.unionportal.api.i18n.Text;

/** What the module's audit entries are called on the portal's audit page (操作日志). */
@Component(service = AuditLabels.class)
public class MutualAidAuditLabels implements AuditLabels {
    private static final Map<String, Text> RECORD_TYPES = Map.of(
            "claim", Text.of("理赔", "Claim"),
            "enrolment-batch", Text.of("团体参保", "Group enrolment"),
            "insured-person", Text.of("参保人", "Insured person"),
            "plan", Text.of("保障项目", "Plan"),
            "payout-batch", Text.of("支付批次", "Payout batch"),
            "settlement-import", Text.of("结算数据导入", "Settlement import"));
    private static final Map<String, Text> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", Text.of("新建", "Create")),
            Map.entry("UPDATE", Text.of("修改", "Change")),
            Map.entry("SUBMIT", Text.of("提交", "Submit")),
            Map.entry("START_REVIEW", Text.of("开始审核", "Start the review")),
            Map.entry("APPROVE", Text.of("核准", "Approve")),
            Map.entry("RETURN", Text.of("退回", "Return")),
            Map.entry("REJECT", Text.of("不予理赔", "Reject")),
            Map.entry("RESUBMIT", Text.of("重新提交", "Resubmit")),
            Map.entry("PAYEE", Text.of("填写收款账户", "Payee account")),
            Map.entry("ADD_DOCUMENT", Text.of("上传材料", "Add a document")),
            Map.entry("DELETE_DOCUMENT", Text.of("删除材料", "Remove a document")),
            Map.entry("DRAFT_FROM_SETTLEMENT", Text.of("由结算数据生成草稿", "Draft from a settlement")),
            Map.entry("PAYOUT", Text.of("列入支付批次", "Put in a payout batch")),
            Map.entry("PAY", Text.of("已支付", "Paid")),
            Map.entry("PAYMENT_FAILED", Text.of("支付失败", "Payment failed")),
            Map.entry("RENEW", Text.of("续保", "Renew")),
            Map.entry("PAYMENT_RECEIVED", Text.of("确认收款", "Payment received")),
            Map.entry("CANCEL", Text.of("取消", "Cancel")),
            Map.entry("NEW_VERSION", Text.of("新版本", "New version")),
            Map.entry("DISCARD", Text.of("作废", "Discard")),
            Map.entry("EXPORT_BANK_FILE", Text.of("下载银行文件", "Bank file downloaded")),
            Map.entry("RESULT", Text.of("登记银行结果", "Bank result recorded")),
            Map.entry("IMPORT", Text.of("导入", "Import")));

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
            Map.entry("item", Text.of("项目", "Item")),
            Map.entry("approvedFen", Text.of("核准金额（分）", "Approved (fen)")),
            Map.entry("computedFen", Text.of("测算金额（分）", "Computed (fen)")),
            Map.entry("claimCount", Text.of("件数", "Claims")),
            Map.entry("code", Text.of("编号", "Code")),
            Map.entry("coverStart", Text.of("保障起期", "Cover from")),
            Map.entry("draftClaims", Text.of("草稿理赔", "Draft claims")),
            Map.entry("fileName", Text.of("文件名", "File name")),
            Map.entry("nameZh", Text.of("中文名称", "Name (Chinese)")),
            Map.entry("nameEn", Text.of("英文名称", "Name (English)")),
            Map.entry("oldDocumentId", Text.of("原材料编号", "Old document no.")),
            Map.entry("paidOn", Text.of("支付日期", "Paid on")),
            Map.entry("payeeAccount", Text.of("收款账号", "Account")),
            Map.entry("payeeBank", Text.of("开户银行", "Bank")),
            Map.entry("paymentFailure", Text.of("支付失败原因", "Payment failure")),
            Map.entry("payoutBatchId", Text.of("支付批次", "Payout batch")),
            Map.entry("planCode", Text.of("项目编号", "Plan code")),
            Map.entry("planId", Text.of("项目", "Plan")),
            Map.entry("renewedBatchId", Text.of("续保自批次", "Renewed from batch")),
            Map.entry("uploadId", Text.of("上传编号", "Upload no.")),
            Map.entry("version", Text.of("版本", "Version")),
            Map.entry("effectiveFrom", Text.of("生效日期", "In force from")),
            Map.entry("lines", Text.of("笔数", "Lines")));

    @Override
    public Map<String, Text> fields() {
        return FIELDS;
    }

    @Override
    public String module() {
        return MutualAid.MODULE;
    }

    @Override
    public Text name() {
        return Text.of("职工医疗互助保障", "Mutual-aid medical plans"); // as its bundle header names it
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
