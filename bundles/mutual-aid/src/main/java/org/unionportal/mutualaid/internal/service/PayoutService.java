package org.unionportal.mutualaid.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.security.PeopleNames;
import org.unionportal.api.security.UserDirectory;
import org.osgi.service.metatype.annotations.Designate;
import org.unionportal.api.approval.SecondPerson;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.demo.DemoMode;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.payout.BankReturnFile;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.ProblemException.FieldError;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.MutualAid;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.rules.BankResult;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.PayoutAction;
import org.unionportal.mutualaid.internal.rules.PayoutStatus;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.PayoutStore;
import org.unionportal.mutualaid.internal.store.PayoutStore.Line;
import org.unionportal.mutualaid.internal.store.PayoutStore.Payable;
import org.unionportal.mutualaid.internal.store.PayoutStore.PayoutBatch;

/**
 * Payouts, one honest step at a time: the proposal (approved claims with an account and their total; nothing
 * changes), the batch made from exactly those claims (they are in payment, not paid), its approval by a second person
 * ({@link SecondPerson}, {@code payouts.secondPerson} in {@code etc/org.unionportal.mutualaid.cfg}), the bank file
 * with the accounts, and the bank's result: only then is a claim paid (and its member told), or approved again with
 * the bank's reason. The batch's steps follow {@link PayoutAction}; each is in the audit trail.
 */
@Component(service = PayoutService.class, configurationPid = PayoutConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PayoutConfig.class)
public class PayoutService {
    /** The bank file's columns; the bank needs full ID numbers and accounts. */
    public static final List<String> BANK_FILE_HEADERS = List.of("序号", "收款人姓名", "身份证号", "开户银行", "银行账号", "金额(元)", "附言");

    static final String RECORD = "payout-batch";

    private final PortalDatabase db;
    private final PortalTime time;
    /** Every payout step is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;
    /** Members are told through the portal's outbox (set by DS; tests set a fake). */
    @Reference
    Notifications notifications;
    /** Demo mode: maker-checker is off there unless configured on (set by DS; tests leave it null: not demo). */
    @Reference
    DemoMode demo;
    /** People's names for the pages, from the core (optional: tests show login names). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;
    private volatile String secondPersonSetting = "auto";

    /** The claims a new batch takes: exactly those the proposal showed. */
    public record Create(List<Long> claimIds) {
    }

    /** The bank's answer: the day it paid, the transfers that failed with its reasons; the rest were paid. */
    public record Result(LocalDate paidOn, List<BankResult.Failure> failed) {
    }

    @Activate
    public PayoutService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db,
                         PayoutConfig config) {
        this(db, PortalTime.SYSTEM);
        configure(config);
    }

    PayoutService(PortalDatabase db, PortalTime time) {
        this.db = db;
        this.time = time;
    }

    @Modified
    void configure(PayoutConfig config) {
        secondPersonSetting = config.payouts_secondPerson();
    }

    void secondPerson(String setting) {
        secondPersonSetting = setting;
    }

    /** Whether a batch's maker is refused as its approver now. */
    public boolean secondPersonRequired() {
        return SecondPerson.required(secondPersonSetting, demo != null && demo.enabled());
    }

    public List<Map<String, Object>> batches(PortalUser user) {
        boolean required = secondPersonRequired();
        PeopleNames names = new PeopleNames(users);
        return db.read(c -> PayoutStore.batches(c, DataScope.of(user))).stream().map(b -> named(view(b, required, user), names)).toList();
    }

    /** A batch with its lines (accounts and ID numbers masked). */
    public Map<String, Object> batch(long id, PortalUser user) {
        boolean required = secondPersonRequired();
        Map<String, Object> view = db.read(c -> {
            PayoutBatch batch = visible(c, id, user);
            Map<String, Object> v = view(batch, required, user);
            v.put("lines", PayoutStore.lines(c, id).stream().map(PayoutService::lineView).toList());
            return v;
        });
        return named(view, new PeopleNames(users));
    }

    /** The proposal: the approved claims of the user's subtree a batch would take (with an account) and those it cannot. */
    public Map<String, Object> proposal(PortalUser user) {
        List<Payable> payable = db.read(c -> PayoutStore.payable(c, DataScope.of(user)));
        List<Payable> ready = payable.stream().filter(Payable::hasAccount).toList();
        List<Payable> missing = payable.stream().filter(p -> !p.hasAccount()).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", ready.size());
        v.put("totalFen", Money.sum(ready.stream().map(Payable::approvedFen).toList()));
        v.put("claims", ready.stream().map(PayoutService::payableView).toList());
        v.put("missingAccount", missing.stream().map(PayoutService::payableView).toList());
        v.put("secondPersonRequired", secondPersonRequired());
        return v;
    }

    /** Makes a batch of exactly the listed claims (each approved, free, with an account, in the subtree); 409 otherwise. */
    public Map<String, Object> create(PortalUser user, Create request) {
        List<Long> ids = request == null || request.claimIds() == null ? List.of() : request.claimIds();
        if (ids.isEmpty() || ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw ProblemException.invalid(List.of(FieldError.of("claimIds", "required", "请先预览并选择要支付的理赔",
                    "is required: the claims of the proposal")));
        }
        Set<Long> wanted = new LinkedHashSet<>(ids);
        long id = db.inTransaction(c -> {
            DataScope scope = DataScope.of(user);
            Map<Long, Payable> payable = new LinkedHashMap<>();
            for (Payable p : PayoutStore.payable(c, scope)) {
                if (p.hasAccount()) {
                    payable.put(p.claimId(), p);
                }
            }
            List<Long> gone = wanted.stream().filter(w -> !payable.containsKey(w)).toList();
            if (!gone.isEmpty()) {
                throw ProblemException.conflict("proposal_changed", Text.of("理赔 " + gone + " 已不是待支付状态或缺少收款账户（可能他人刚刚处理过），请重新预览。",
                        "Claim(s) " + gone + " are no longer waiting for payment with an account (perhaps someone else just made a batch); "
                                + "preview again."));
            }
            List<Payable> claims = wanted.stream().map(payable::get).toList();
            long total = Money.sum(claims.stream().map(Payable::approvedFen).toList());
            long batchId = PayoutStore.insertBatch(c, scope.orgPath(), claims.size(), total, user.username(), time.now());
            // the claims, lines, events and audit entries as JDBC batches (multi-row inserts on PostgreSQL)
            List<Long> notFree = PayoutStore.addLines(c, batchId, claims);
            if (!notFree.isEmpty()) {
                throw changed(notFree.get(0));
            }
            List<Long> claimIds = claims.stream().map(Payable::claimId).toList();
            ClaimStore.events(c, claimIds, user.username(), "PAYOUT", ClaimStatus.APPROVED, ClaimStatus.IN_PAYMENT,
                    "payout batch " + batchId);
            List<AuditEntry> entries = new ArrayList<>(claims.size());
            for (Payable claim : claims) {
                entries.add(AuditEntry.of(MutualAid.MODULE, "claim", claim.claimId(), "PAYOUT", claim.orgPath(), Actor.of(user))
                        .changes(AuditFields.of("status", ClaimStatus.APPROVED.code(), "payoutBatchId", null),
                                AuditFields.of("status", ClaimStatus.IN_PAYMENT.code(), "payoutBatchId", batchId)));
            }
            audit.recordAll(c, entries);
            PayoutBatch batch = PayoutStore.batch(c, batchId, scope).orElseThrow();
            audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, batchId, "CREATE", batch.orgPath(), Actor.of(user))
                    .changes(Map.of(), auditFields(batch)));
            return batchId;
        });
        return batch(id, user);
    }

    /** A second person approves a draft batch; then its bank file may go out. */
    public Map<String, Object> approve(long id, PortalUser user) {
        boolean required = secondPersonRequired();
        db.inTransaction(c -> {
            PayoutBatch before = step(c, id, user, PayoutAction.APPROVE);
            SecondPerson.require(required, before.createdBy(), user, Text.of(
                    "支付批次 " + id + " 由您生成，须由另一位工作人员审批（四眼原则）。",
                    "You made payout batch " + id + ": someone else approves it (maker-checker)."));
            PayoutStore.approve(c, id, user.username(), time.now());
            return recorded(c, user, "APPROVE", before);
        });
        return batch(id, user);
    }

    /** Discards a draft batch: its claims are approved and wait for the next batch. */
    public Map<String, Object> discard(long id, PortalUser user) {
        db.inTransaction(c -> {
            PayoutBatch before = step(c, id, user, PayoutAction.DISCARD);
            for (Line line : PayoutStore.lines(c, id)) {
                ClaimStore.event(c, line.claimId(), user.username(), "PAYOUT_DISCARDED", ClaimStatus.IN_PAYMENT, ClaimStatus.APPROVED,
                        "payout batch " + id);
            }
            PayoutStore.discard(c, id);
            return recorded(c, user, "DISCARD", before);
        });
        return batch(id, user);
    }

    /** The bank-transfer file of an approved batch: full ID numbers and accounts ({@link ExportPurpose#PAYMENT}), audited. */
    public Download bankFile(long id, String format, PortalUser user) {
        TableFormat tableFormat = TableFormat.parse(format);
        ExportPurpose purpose = ExportPurpose.PAYMENT;
        List<List<Object>> rows = db.inTransaction(c -> {
            PayoutBatch batch = step(c, id, user, PayoutAction.EXPORT_BANK_FILE);
            List<List<Object>> lines = new ArrayList<>();
            for (Line line : PayoutStore.lines(c, id)) {
                lines.add(List.of(lines.size() + 1, line.name(), purpose.idNumber(line.idNumber()), text(line.payeeBank()),
                        text(purpose.bankAccount(line.payeeAccount())), Money.yuan(line.amountFen()), reference(id, line.claimId())));
            }
            audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, id, "EXPORT_BANK_FILE", batch.orgPath(), Actor.of(user))
                    .changes(Map.of(), AuditFields.of("format", tableFormat.name(), "rows", lines.size())));
            return lines;
        });
        return Download.table(tableFormat, "互助金支付批次-" + id + "-银行文件", BANK_FILE_HEADERS, rows, true);
    }

    /**
     * The bank's result: the failed claims go back to approved with the bank's reason, every other claim of the batch is
     * paid on that day and its member told; the batch is closed.
     */
    public Map<String, Object> result(long id, Result request, PortalUser user) {
        db.read(c -> visible(c, id, user)); // the scope before the body
        Result r = request == null ? new Result(null, List.of()) : request;
        db.inTransaction(c -> {
            PayoutBatch before = step(c, id, user, PayoutAction.RECORD_RESULT);
            List<Line> lines = PayoutStore.lines(c, id);
            Map<Long, Long> amounts = new LinkedHashMap<>();
            lines.forEach(l -> amounts.put(l.claimId(), l.amountFen()));
            LocalDate approvedOn = before.approvedAt() == null ? null : PortalTime.dateOf(before.approvedAt());
            BankResult.Checked checked = BankResult.check(amounts, r.paidOn(), r.failed(), approvedOn, time.today());
            if (!checked.problems().isEmpty()) {
                throw ProblemException.invalid(checked.problems());
            }
            BankResult result = checked.result();
            for (Line line : lines) {
                String reason = result.failed().get(line.claimId());
                String orgPath = ClaimStore.byId(c, line.claimId()).orElseThrow().orgPath();
                if (reason == null) {
                    if (!PayoutStore.paid(c, id, line.claimId(), result.paidOn())) {
                        throw changed(line.claimId());
                    }
                    ClaimStore.event(c, line.claimId(), user.username(), "PAY", ClaimStatus.IN_PAYMENT, ClaimStatus.PAID,
                            "payout batch " + id + "; paid on " + result.paidOn());
                    audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", line.claimId(), "PAY", orgPath, Actor.of(user))
                            .changes(AuditFields.of("status", ClaimStatus.IN_PAYMENT.code()),
                                    AuditFields.of("status", ClaimStatus.PAID.code(), "payoutBatchId", id, "paidOn", result.paidOn().toString())));
                    Reminders.enqueue(c, notifications, Reminders.PAYMENT_MADE, Reminders.dedupKey(Reminders.PAYMENT_MADE, "claim", line.claimId()),
                            line.memberId(), Reminders.paymentMade(line.name(), line.claimId(), line.amountFen()));
                } else {
                    if (!PayoutStore.failed(c, id, line.claimId(), reason)) {
                        throw changed(line.claimId());
                    }
                    ClaimStore.event(c, line.claimId(), user.username(), "PAYMENT_FAILED", ClaimStatus.IN_PAYMENT, ClaimStatus.APPROVED,
                            reason);
                    // the member learns of it now: the account is the likely cause and only they can correct it
                    Reminders.enqueue(c, notifications, Reminders.PAYMENT_FAILED,
                            Reminders.dedupKey(Reminders.PAYMENT_FAILED, "claim", line.claimId(), "batch", id),
                            line.memberId(), Reminders.paymentFailed(line.name(), line.claimId(), line.amountFen(), reason));
                    audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", line.claimId(), "PAYMENT_FAILED", orgPath, Actor.of(user))
                            .changes(AuditFields.of("status", ClaimStatus.IN_PAYMENT.code(), "payoutBatchId", id),
                                    AuditFields.of("status", ClaimStatus.APPROVED.code(), "payoutBatchId", null, "paymentFailure", reason)));
                }
            }
            PayoutStore.close(c, id, user.username(), time.now(), result.paidOn());
            PayoutBatch after = visible(c, id, user);
            audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, id, "RESULT", before.orgPath(), Actor.of(user))
                    .changes(auditFields(before), AuditFields.of("status", after.status().code(), "paidOn", result.paidOn().toString(),
                            "paid", result.paid().size(), "paidFen", result.paidFen(), "failed", result.failed().size(),
                            "failedFen", result.failedFen())));
            return null;
        });
        return batch(id, user);
    }

    /**
     * The bank's return file ({@link BankReturnFile}) read against the batch: without {@code confirm} nothing changes and
     * the answer shows which claims were paid and which returned (with the bank's reasons), the totals and the file's
     * problems; with {@code confirm} a clean file is recorded as {@link #result} would record it, and the batch is in the
     * answer under {@code batch}.
     */
    public Map<String, Object> resultFile(long id, InputStream file, String fileName, LocalDate paidOn, boolean confirm,
                                          PortalUser user, Language language) throws IOException {
        PayoutBatch batch = db.read(c -> visible(c, id, user)); // the scope before the body
        if (!PayoutAction.RECORD_RESULT.possibleFrom(batch.status())) {
            db.inTransaction(c -> step(c, id, user, PayoutAction.RECORD_RESULT));   // answers the usual 409
        }
        List<Line> lines = db.read(c -> PayoutStore.lines(c, id));
        Map<Long, Long> amounts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        lines.forEach(l -> {
            amounts.put(l.claimId(), l.amountFen());
            names.put(l.claimId(), l.name());
        });
        BankReturnFile.Read read = BankReturnFile.read(file, fileName, new BankReturnFile.Batch("MA-" + id + "-", amounts, "理赔编号",
                BankResult.MAX_REASON));
        if (confirm) {
            read.requireClean();
        }
        Map<String, Object> view = read.preview(language, "claimId", names::get);
        if (confirm) {
            view.put("batch", result(id, new Result(paidOn, read.failed().stream()
                    .map(l -> new BankResult.Failure(l.key(), l.reason())).toList()), user));
        }
        return view;
    }

    /** The batch under its lock, if the user sees it and the step may be taken from its status; else 404 or 409. */
    private static PayoutBatch step(Connection c, long id, PortalUser user, PayoutAction action) throws SQLException {
        visible(c, id, user);
        PayoutStore.lock(c, id);
        PayoutBatch batch = visible(c, id, user);
        if (!action.possibleFrom(batch.status())) {
            throw ProblemException.conflict("payout_batch_status", Text.of(
                    "支付批次 " + id + " 当前为“" + batch.status().label().zh() + "”，不能" + action.label().zh() + "（可能他人刚刚处理过），请刷新。",
                    "Payout batch " + id + " is " + batch.status().label().en().toLowerCase(java.util.Locale.ROOT) + ", so you cannot "
                            + action.label().en() + " (perhaps someone else just did); reload."));
        }
        return batch;
    }

    private Object recorded(Connection c, PortalUser user, String action, PayoutBatch before) throws SQLException {
        PayoutBatch after = visible(c, before.id(), user);
        audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, before.id(), action, before.orgPath(), Actor.of(user))
                .changes(auditFields(before), auditFields(after)));
        return null;
    }

    private static PayoutBatch visible(Connection c, long id, PortalUser user) throws SQLException {
        return PayoutStore.batch(c, id, DataScope.of(user)).orElseThrow(() -> ProblemException.notFound("payout_batch_not_found",
                Text.of("在您所辖范围内没有编号为 " + id + " 的支付批次。", "No payout batch " + id + " in your part of the union tree.")));
    }

    private static ProblemException changed(long claimId) {
        return ProblemException.conflict("claim_changed", Text.of("理赔 " + claimId + " 刚刚发生了变化，请刷新后重试。",
                "Claim " + claimId + " changed meanwhile; reload and try again."));
    }

    static Map<String, Object> auditFields(PayoutBatch b) {
        return AuditFields.of("status", b.status().code(), "claimCount", b.claimCount(), "totalFen", b.totalFen(),
                "approvedBy", b.approvedBy(), "paidOn", b.paidOn() == null ? null : b.paidOn().toString());
    }

    /** The reference on each transfer, which the bank sends back with its result. */
    static String reference(long batchId, long claimId) {
        return "MA-" + batchId + "-" + claimId;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> view(PayoutBatch b, boolean secondPersonRequired, PortalUser user) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", b.id());
        v.put("orgPath", b.orgPath());
        v.put("status", b.status().code());
        v.put("claimCount", b.claimCount());
        v.put("totalFen", b.totalFen());
        v.put("createdBy", b.createdBy());
        v.put("createdAt", b.createdAt().toString());
        v.put("approvedBy", b.approvedBy());
        v.put("approvedAt", b.approvedAt() == null ? null : b.approvedAt().toString());
        v.put("closedBy", b.closedBy());
        v.put("closedAt", b.closedAt() == null ? null : b.closedAt().toString());
        v.put("paidOn", b.paidOn() == null ? null : b.paidOn().toString());
        v.put("secondPersonRequired", secondPersonRequired);
        // Whether this user may approve it now (the page says why not).
        v.put("canApprove", b.status() == PayoutStatus.DRAFT && (!secondPersonRequired || SecondPerson.isSecondPerson(b.createdBy(), user)));
        return v;
    }

    /** The batch's people by name as well ({@code createdByName}, {@code approvedByName}, {@code closedByName}). */
    private static Map<String, Object> named(Map<String, Object> v, PeopleNames names) {
        for (String who : List.of("createdBy", "approvedBy", "closedBy")) {
            v.put(who + "Name", names.of((String) v.get(who)));
        }
        return v;
    }

    private static Map<String, Object> lineView(Line l) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", l.id());
        v.put("claimId", l.claimId());
        v.put("name", l.name());
        v.put("idNumber", Masking.idNumber(l.idNumber()));
        v.put("payeeBank", l.payeeBank());
        v.put("payeeAccount", Masking.bankAccount(l.payeeAccount()));
        v.put("amountFen", l.amountFen());
        v.put("status", l.status());
        v.put("failureReason", l.failureReason());
        v.put("planNameZh", l.planNameZh());
        v.put("planNameEn", l.planNameEn());
        return v;
    }

    private static Map<String, Object> payableView(Payable p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("claimId", p.claimId());
        v.put("name", p.memberName());
        v.put("idNumber", Masking.idNumber(p.idNumber()));
        v.put("payeeBank", p.payeeBank());
        v.put("payeeAccount", Masking.bankAccount(p.payeeAccount()));
        v.put("amountFen", p.approvedFen());
        v.put("planNameZh", p.planNameZh());
        v.put("planNameEn", p.planNameEn());
        return v;
    }
}
