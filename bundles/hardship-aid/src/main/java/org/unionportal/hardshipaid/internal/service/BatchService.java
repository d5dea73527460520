package org.unionportal.hardshipaid.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.approval.SecondPerson;
import org.unionportal.api.demo.DemoMode;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.notification.Recipient;
import org.unionportal.api.payout.BankReturnFile;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PeopleNames;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.UserDirectory;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.BatchStatus;
import org.unionportal.hardshipaid.internal.rules.Channel;
import org.unionportal.hardshipaid.internal.rules.Entitlement;
import org.unionportal.hardshipaid.internal.rules.Entitlements;
import org.unionportal.hardshipaid.internal.rules.PaymentStatus;
import org.unionportal.hardshipaid.internal.rules.Period;
import org.unionportal.hardshipaid.internal.rules.TransferFailedText;
import org.unionportal.hardshipaid.internal.store.BatchStore;
import org.unionportal.hardshipaid.internal.store.BatchStore.Batch;
import org.unionportal.hardshipaid.internal.store.BatchStore.Payable;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.hardshipaid.internal.store.StandardStore;

/**
 * Payment batches (发放): generate for a period (a preview to approve or discard), approve, the bank and love-card
 * files, the bank's result (failed transfers) and their reissue. Generation runs under a table lock and a unique
 * key per household, item, period and child, so nothing is paid twice however often or concurrently it runs.
 */
@Component(service = BatchService.class, configurationPid = SafetyNetConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class BatchService {
    private final PortalDatabase db;
    private final PortalTime time;
    /** Batches only for periods due by today plus this many days (a batch for 2099 would block every standard change). */
    private volatile int horizonDays;
    /** Every batch decision and every file exported is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;
    /** The portal's outbox: a household whose bank transfer was returned is texted (set by DS; tests set their own). */
    @Reference
    Notifications notifications;
    /** Demo mode: maker-checker is off there unless configured on (set by DS; tests leave it null: not demo). */
    @Reference
    DemoMode demo;
    /** People's names for the pages, from the core (optional: tests show login names). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;
    private volatile String secondPersonSetting = "auto";
    /** The longest failure reason kept. */
    static final int MAX_REASON = 400;
    /** The kind of the text to a household whose transfer the bank returned. */
    static final String TRANSFER_FAILED = "TRANSFER_FAILED";
    /** A mobile number (the household form also takes landlines, which get no text). */
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1\\d{10}");

    public record Generate(String kind, String period) {
    }

    public record Failure(Long lineId, String reason) {
    }

    public record Result(List<Failure> failed) {
    }

    @Activate
    public BatchService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db,
                        SafetyNetConfig config) {
        this(db, PortalTime.SYSTEM);
        configure(config);
    }

    @Modified
    void configure(SafetyNetConfig config) {
        secondPersonSetting = config.batches_secondPerson();
        horizonDays = Math.max(0, config.batch_horizonDays());
    }

    void secondPerson(String setting) {
        secondPersonSetting = setting;
    }

    /** Whether a batch's generator is refused as its approver now ({@code batches.secondPerson}). */
    public boolean secondPersonRequired() {
        return SecondPerson.required(secondPersonSetting, demo != null && demo.enabled());
    }

    BatchService(PortalDatabase db, PortalTime time) {
        this(db, time, SafetyNetConfig.DEFAULT_BATCH_HORIZON_DAYS);
    }

    BatchService(PortalDatabase db, PortalTime time, int horizonDays) {
        this.db = db;
        this.time = time;
        this.horizonDays = Math.max(0, horizonDays);
    }

    public List<Batch> list(DataScope scope) {
        PeopleNames names = new PeopleNames(users);
        boolean required = secondPersonRequired();
        return db.read(c -> BatchStore.list(c, scope)).stream().map(b -> shown(b, names, required)).toList();
    }

    public Batch generate(PortalUser user, Generate g) {
        BatchKind kind = g == null ? null : BatchKind.parse(g.kind()).filter(k -> k != BatchKind.REISSUE).orElse(null);
        Validation v = new Validation();
        v.require(kind != null, "kind", "unknown_kind", Text.of("请选择发放类型：QUARTER, SCHOOL_YEAR, MEDICAL, HOLIDAYS, SUMMER 或 ONE_OFF_PRICE"
                + "（失败重发在批次中操作）", "Choose the kind: QUARTER, SCHOOL_YEAR, MEDICAL, HOLIDAYS, SUMMER or ONE_OFF_PRICE "
                + "(failed transfers are reissued from their batch)"));
        Period period = kind == null ? null : Period.of(kind, g.period()).orElse(null);
        String example = kind == null ? "2026" : Period.format(kind);
        v.require(kind == null || period != null, "period", "invalid_period", Text.of("期间格式应如 " + example
                + (kind == BatchKind.QUARTER ? "（年份加季度）" : "（年份）"), "The period looks like " + example));
        LocalDate latestDue = time.today().plusDays(horizonDays);
        v.require(period == null || !period.dueDate().isAfter(latestDue), "period", "period_not_begun", Text.of(
                "只能为应发日在 " + latestDue + " 之前的期间生成批次（已开始或 " + horizonDays + " 天内开始）",
                "Batches are only for periods due by " + latestDue + " (begun, or beginning within " + horizonDays + " days)"));
        v.throwIfInvalid();
        return shown(db.inTransaction(c -> {
            Batch batch = generate(c, period, DataScope.of(user), user.username());
            audit.record(c, Audit.entry("batch", batch.id(), "CREATE", batch.orgPath(), user).changes(Map.of(), Audit.of(batch)));
            return batch;
        }));
    }

    /**
     * Generates the batch of a period for the scope (the batch belongs to the scope's organisation); the benchmark and
     * tests call it on a connection.
     */
    public static Batch generate(Connection c, Period period, DataScope scope, String username) throws SQLException {
        // One generation at a time: the second waits, then sees what the first wrote and pays only the rest.
        BatchStore.lockPayments(c);
        int schoolYear = period.kind() == BatchKind.SCHOOL_YEAR ? Integer.parseInt(period.key()) : -1;
        Entitlements.Result result = Entitlements.of(period, HouseholdStore.facts(c, scope, period.dueDate(), schoolYear),
                StandardStore.approved(c));
        Set<String> paid = BatchStore.existingKeys(c, period);
        List<Entitlement> fresh = result.payments().stream()
                .filter(e -> !paid.contains(BatchStore.key(e.householdId(), e.item().name(), e.periodKey(), e.beneficiaryId())))
                .toList();
        if (fresh.isEmpty()) {
            List<Long> batches = BatchStore.batchesPaying(c, period, scope);
            String warningsZh = result.warningTexts().stream().map(Text::zh).reduce("", String::concat);
            String warningsEn = result.warningTexts().stream().map(t -> " " + t.en()).reduce("", String::concat);
            throw batches.isEmpty()
                    ? ProblemException.conflict("nothing_to_pay", Text.of("没有需要发放的家庭：到应发日 " + period.dueDate()
                            + " 在档且符合条件的家庭为 0。" + warningsZh, "Nothing to pay for " + period.key() + ": no household is on file and "
                            + "entitled on " + period.dueDate() + "." + warningsEn))
                    : ProblemException.conflict("already_paid", Text.of("该期间的款项已由批次 " + batches + " 发放或正在发放，没有新增需要发放的家庭。"
                            + warningsZh, "Batch " + batches + " already pays " + period.key() + "; nothing new to pay." + warningsEn));
        }
        long id = BatchStore.insertBatch(c, period.kind(), period.key(), scope.orgPath(), period.dueDate(), null, username);
        BatchStore.insertLines(c, id, period.dueDate(), fresh);
        Batch batch = BatchStore.find(c, id).orElseThrow();
        return batch.withLines(lines(c, id)).withWarnings(result.warnings());
    }

    public Batch get(PortalUser user, long id) {
        return shown(db.read(c -> visible(c, id, user).withLines(lines(c, id))));
    }

    public void discard(PortalUser user, long id) {
        db.inTransaction(c -> {
            BatchStore.lock(c, id);
            Batch before = visible(c, id, user);
            requireStatus(before, BatchStatus.DRAFT, "batch_not_draft", "只有待审批的批次可以作废", "Only a draft batch can be discarded");
            BatchStore.discard(c, id);
            // the draft and its lines are gone: the entry keeps what it was
            audit.record(c, Audit.entry("batch", id, "DISCARD", before.orgPath(), user).changes(Audit.of(before), Map.of()));
            return null;
        });
    }

    public Batch approve(PortalUser user, long id) {
        return shown(db.inTransaction(c -> {
            BatchStore.lock(c, id);
            Batch before = visible(c, id, user);
            requireStatus(before, BatchStatus.DRAFT, "batch_not_draft", "只有待审批的批次可以审批", "Only a draft batch can be approved");
            SecondPerson.require(secondPersonRequired(), before.createdBy(), user, Text.of(
                    "批次 " + id + " 由您生成，须由另一位工作人员审批（四眼原则）。",
                    "You generated batch " + id + ": someone else approves it (maker-checker)."));
            BatchStore.approve(c, id, user.username(), time.now());
            return recorded(c, user, "APPROVE", before);
        }));
    }

    /**
     * The transfer file of one channel. Its purpose is payment: the bank and the supermarket need the full account
     * numbers, so {@link ExportPurpose#PAYMENT} keeps them.
     */
    public Download channelFile(PortalUser user, long id, Channel channel, String format) {
        TableFormat tableFormat = TableFormat.parse(format);
        ExportPurpose purpose = ExportPurpose.PAYMENT;
        boolean bank = channel == Channel.BANK;
        List<List<Object>> rows = db.inTransaction(c -> {
            Batch b = visible(c, id, user);
            if (b.status() == BatchStatus.DRAFT) {
                throw ProblemException.conflict("batch_not_approved", Text.of("批次 " + id + " 尚未审批，审批后才能导出发放文件",
                        "Batch " + id + " is not approved yet: approve it first"));
            }
            List<List<Object>> out = new ArrayList<>();
            for (Payable p : BatchStore.lines(c, id)) {
                if (p.line().channel() != channel) {
                    continue;
                }
                List<Object> row = new ArrayList<>();
                row.add(out.size() + 1);
                row.add(p.line().headName());
                if (bank) {
                    row.add(p.bank() == null ? "" : p.bank());
                }
                row.add(p.account() == null ? "" : purpose.bankAccount(p.account()));
                row.add(Money.yuan(p.line().amountFen()));
                row.add("HA-" + id + "-" + p.line().id() + " " + p.line().item().label().zh() + " " + p.line().period());
                out.add(row);
            }
            // a file with full account numbers leaves the portal: who took which one is kept
            audit.record(c, Audit.entry("batch", id, "EXPORT", b.orgPath(), user).changes(Map.of(), AuditFields.of("file",
                    bank ? "bank" : "love-card", "format", tableFormat.name(), "rows", out.size())));
            return out;
        });
        List<String> headers = bank ? List.of("序号", "户主姓名", "开户银行", "银行账号", "金额(元)", "附言")
                : List.of("序号", "户主姓名", "爱心卡号", "金额(元)", "附言");
        return Download.table(tableFormat, "hardship-batch-" + id + (bank ? "-bank" : "-love-card"), headers, rows, true);
    }

    /** The batch's lines to read and check: accounts masked ({@link ExportPurpose#LIST}). */
    public Download export(PortalUser user, long id, String format) {
        TableFormat tableFormat = TableFormat.parse(format);
        ExportPurpose purpose = ExportPurpose.LIST;
        List<List<Object>> rows = db.inTransaction(c -> {
            Batch b = visible(c, id, user);
            List<List<Object>> out = new ArrayList<>();
            for (Payable p : BatchStore.lines(c, id)) {
                BatchStore.Line l = p.line();
                out.add(Arrays.asList(l.id(), l.householdId(), l.headName(), l.certificateNo(), l.item().label().zh(), l.period(),
                        l.beneficiary(), Money.yuan(l.amountFen()), l.channel().label().zh(), purpose.bankAccount(p.account()),
                        l.status().code(), l.failureReason(), l.explanation()));
            }
            audit.record(c, Audit.entry("batch", id, "EXPORT", b.orgPath(), user).changes(Map.of(), AuditFields.of("file", "lines",
                    "format", tableFormat.name(), "rows", out.size())));
            return out;
        });
        return Download.table(tableFormat, "hardship-batch-" + id, List.of("行号", "户编号", "户主", "优惠证号", "项目", "期间", "受助子女",
                "金额(元)", "渠道", "账号", "状态", "失败原因", "说明"), rows, true);
    }

    /** The bank's answer: the failed lines with their reasons; every other line is paid and the batch closed. */
    public Batch result(PortalUser user, long id, Result r) {
        db.read(c -> visible(c, id, user)); // the scope before the body
        List<Failure> failed = r == null || r.failed() == null ? List.of() : r.failed();
        Validation v = new Validation();
        for (int i = 0; i < failed.size(); i++) {
            Failure f = failed.get(i);
            v.require(f != null && f.lineId() != null, "failed[" + i + "].lineId", "required", Text.of("请指明失败的行", "Name the failed line"));
            v.require(f != null && f.reason() != null && !f.reason().isBlank() && f.reason().length() <= MAX_REASON, "failed[" + i + "].reason",
                    "reason_needed", Text.of("请写明失败原因，如“账户已销户”（400 字以内）", "Give the reason, e.g. the account is closed (at most 400 characters)"));
        }
        v.throwIfInvalid();
        return shown(db.inTransaction(c -> {
            BatchStore.lock(c, id);
            Batch before = visible(c, id, user);
            requireStatus(before, BatchStatus.APPROVED, "batch_not_approved", "只有已审批的批次可以登记发放结果",
                    "Only an approved batch gets the bank's result");
            Map<Long, String> reasons = new LinkedHashMap<>();
            failed.forEach(f -> reasons.put(f.lineId(), f.reason().strip()));
            for (Map.Entry<Long, String> f : reasons.entrySet()) {
                if (!BatchStore.fail(c, id, f.getKey(), f.getValue())) {
                    throw ProblemException.invalid(List.of(ProblemException.FieldError.of("failed", "no_such_line",
                            "批次 " + id + " 中没有第 " + f.getKey() + " 行", "Batch " + id + " has no line " + f.getKey())));
                }
            }
            BatchStore.close(c, id, user.username(), time.now());
            textReturnedTransfers(c, id);
            return recorded(c, user, "RESULT", before);
        }));
    }

    /**
     * Each household whose bank transfer in the batch was returned gets one text naming the aid, the period and the bank's
     * reason (never the account), queued in the portal's outbox in the result's transaction, as mutual aid tells its members;
     * a household without a mobile number on file is not texted (its union tells it when reissuing).
     */
    private void textReturnedTransfers(Connection c, long batchId) throws SQLException {
        List<BatchStore.Line> returned = lines(c, batchId).stream()
                .filter(l -> l.status() == PaymentStatus.FAILED && l.channel() == Channel.BANK).toList();
        for (BatchStore.Contact household : BatchStore.householdsOfFailedTransfers(c, batchId)) {
            if (household.phone() == null || !MOBILE.matcher(household.phone().strip()).matches()) {
                continue;   // no phone, or a landline: no text message reaches it
            }
            List<TransferFailedText.Returned> lines = returned.stream().filter(l -> l.householdId() == household.householdId())
                    .map(l -> new TransferFailedText.Returned(l.item(), l.period(), l.amountFen(), l.failureReason())).toList();
            notifications.queue(c, Notification.of(Audit.MODULE, TRANSFER_FAILED,
                    Notification.dedupKey(TRANSFER_FAILED, "batch", batchId, "household", household.householdId()),
                    Recipient.phone(household.phone()), household.orgPath(), TransferFailedText.of(household.headName(), lines)));
        }
    }

    /** A new batch paying the failed, not yet reissued lines again, each to its household's current account. */
    public Batch reissue(PortalUser user, long id) {
        return shown(db.inTransaction(c -> {
            BatchStore.lock(c, id);
            Batch b = visible(c, id, user);
            requireStatus(b, BatchStatus.CLOSED, "batch_not_closed", "登记发放结果后才能重发失败的款项",
                    "Failed transfers are reissued once the bank's result is in");
            List<Payable> failed = BatchStore.lines(c, id).stream()
                    .filter(p -> p.line().status() == PaymentStatus.FAILED && p.line().reissuedInBatchId() == null).toList();
            if (failed.isEmpty()) {
                throw ProblemException.conflict("nothing_to_reissue", Text.of("批次 " + id + " 没有待重发的失败款项",
                        "Batch " + id + " has no failed line left to reissue"));
            }
            long newId = BatchStore.insertBatch(c, BatchKind.REISSUE, b.period(), user.orgPath(), time.today(), id, user.username());
            BatchStore.reissue(c, newId, failed, time.today());
            Batch reissue = visible(c, newId, user);
            audit.record(c, Audit.entry("batch", newId, "CREATE", reissue.orgPath(), user).changes(Map.of(), Audit.of(reissue)));
            return reissue.withLines(lines(c, newId));
        }));
    }

    /**
     * The bank's return file ({@link BankReturnFile}: the bank file as downloaded with 结果 and 失败原因 added) read
     * against the batch's bank lines, matched by 附言 ({@code HA-<batch>-<line>}). Without {@code confirm} nothing
     * changes: the answer shows which lines were paid and which returned (with the bank's reasons), the totals and the
     * file's problems, and the love-card lines, which the bank file does not carry and which are recorded as paid with
     * the result. With {@code confirm} a clean file is recorded as {@link #result} records it; the batch is under
     * {@code batch}.
     */
    public Map<String, Object> resultFile(PortalUser user, long id, InputStream file, String fileName, boolean confirm,
                                          Language language) throws IOException {
        Batch batch = db.read(c -> visible(c, id, user)); // the scope before the body
        requireStatus(batch, BatchStatus.APPROVED, "batch_not_approved", "只有已审批的批次可以登记发放结果",
                "Only an approved batch gets the bank's result");
        Map<Long, Long> amounts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        long loveCardCount = 0;
        long loveCardFen = 0;
        for (BatchStore.Line l : db.read(c -> lines(c, id))) {
            if (l.channel() == Channel.BANK) {
                amounts.put(l.id(), l.amountFen());
                names.put(l.id(), l.headName());
            } else {
                loveCardCount++;
                loveCardFen = Math.addExact(loveCardFen, l.amountFen());
            }
        }
        BankReturnFile.Read read = BankReturnFile.read(file, fileName, new BankReturnFile.Batch("HA-" + id + "-", amounts, "明细编号",
                MAX_REASON));
        if (confirm) {
            read.requireClean();
        }
        Map<String, Object> view = read.preview(language, "lineId", names::get);
        view.put("loveCardCount", loveCardCount);
        view.put("loveCardFen", loveCardFen);
        if (confirm) {
            view.put("batch", result(user, id, new Result(read.failed().stream().map(l -> new Failure(l.key(), l.reason())).toList())));
        }
        return view;
    }

    /** The module's rules for the pages and tests: whether a batch's maker is refused as its approver now. */
    public Map<String, Object> rules() {
        return Map.of("secondPersonRequired", secondPersonRequired());
    }

    private Batch shown(Batch b) {
        return shown(b, new PeopleNames(users), secondPersonRequired());
    }

    private static Batch shown(Batch b, PeopleNames names, boolean secondPersonRequired) {
        return b.withPeople(names.of(b.createdBy()), names.of(b.approvedBy()), secondPersonRequired);
    }

    /** Records the decision on the batch and answers it as it is now, with its lines. */
    private Batch recorded(Connection c, PortalUser user, String action, Batch before) throws SQLException {
        Batch after = visible(c, before.id(), user);
        audit.record(c, Audit.entry("batch", before.id(), action, before.orgPath(), user).changes(Audit.of(before), Audit.of(after)));
        return after.withLines(lines(c, before.id()));
    }

    private static void requireStatus(Batch b, BatchStatus status, String code, String zh, String en) {
        if (b.status() != status) {
            throw Problems.wrongState(code, zh + "（批次 " + b.id() + "）", en + " (batch " + b.id() + ")", b.status());
        }
    }

    private static Batch visible(Connection c, long id, PortalUser user) throws SQLException {
        return DataScope.of(user).visible(BatchStore.find(c, id), Batch::orgPath, "batch_not_found", Problems.batchNotFound(id));
    }

    static List<BatchStore.Line> lines(Connection c, long id) throws SQLException {
        return BatchStore.lines(c, id).stream().map(Payable::line).toList();
    }
}
