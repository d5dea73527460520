package org.unionportal.mutualaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.mutualaid.internal.MutualAid;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.api.money.Money;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.PayoutStore;
import org.unionportal.mutualaid.internal.store.PayoutStore.PayoutBatch;

/** Payouts: approved claims grouped into one bank-transfer batch, marked paid, and their members reminded. */
@Component(service = PayoutService.class)
public class PayoutService {
    /** The bank file's columns; the bank needs full ID numbers. */
    public static final List<String> BANK_FILE_HEADERS = List.of("序号", "姓名", "身份证号", "金额(元)", "附言");

    static final String RECORD = "payout-batch";

    private final PortalDatabase db;
    /** Every payout is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;
    /** Reminders go out through the portal's outbox (set by DS; tests set a fake). */
    @Reference
    Notifications notifications;

    @Activate
    public PayoutService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db) {
        this.db = db;
    }

    public List<PayoutBatch> batches(PortalUser user) {
        return db.read(c -> PayoutStore.batches(c, DataScope.of(user)));
    }

    /** Every approved claim of the user's subtree not yet paid goes into one new batch. */
    public PayoutBatch create(PortalUser user) {
        return db.inTransaction(c -> create(c, DataScope.of(user), user));
    }

    /** The batch, each claim paid (in its history and the audit trail), each member reminded; then the batch's entry. */
    private PayoutBatch create(Connection c, DataScope scope, PortalUser user) throws SQLException {
        String username = user.username();
        List<PayoutStore.Payable> claims = PayoutStore.payable(c, scope);
        if (claims.isEmpty()) {
            throw ProblemException.conflict("nothing_to_pay", Text.of("您所辖范围内没有已核准、待支付的理赔。",
                    "There are no approved claims waiting for payment in your part of the union tree."));
        }
        long total = Money.sum(claims.stream().map(PayoutStore.Payable::approvedFen).toList());
        long id = PayoutStore.insertBatch(c, scope.orgPath(), claims.size(), total, username);
        for (PayoutStore.Payable claim : claims) {
            if (!PayoutStore.markPaid(c, claim.claimId(), id)) {
                throw ProblemException.conflict("claim_changed", Text.of("生成支付批次时理赔 " + claim.claimId() + " 发生了变化，请重试。",
                        "Claim " + claim.claimId() + " changed while the batch was made; try again."));
            }
            ClaimStore.event(c, claim.claimId(), username, "PAY", ClaimStatus.APPROVED, ClaimStatus.PAID, "payout batch " + id);
            audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", claim.claimId(), "PAY", claim.orgPath(), Actor.of(user))
                    .changes(AuditFields.of("status", ClaimStatus.APPROVED.code(), "payoutBatchId", null),
                            AuditFields.of("status", ClaimStatus.PAID.code(), "payoutBatchId", id)));
            Reminders.enqueue(c, notifications, Reminders.PAYMENT_MADE, Reminders.dedupKey(Reminders.PAYMENT_MADE, "claim", claim.claimId()),
                    claim.memberId(), Reminders.paymentMade(claim.memberName(), claim.claimId(), claim.approvedFen()));
        }
        PayoutBatch batch = PayoutStore.batch(c, id, scope).orElseThrow();
        audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, id, "CREATE", batch.orgPath(), Actor.of(user))
                .changes(Map.of(), AuditFields.of("claimCount", batch.claimCount(), "totalFen", batch.totalFen())));
        return batch;
    }

    /**
     * The rows of a batch's bank-transfer file; another subtree's batch is not found. The file carries full ID
     * numbers, so each download is in the audit trail.
     */
    public List<List<Object>> bankFileRows(long id, PortalUser user) {
        return db.inTransaction(c -> {
            PayoutBatch batch = PayoutStore.batch(c, id, DataScope.of(user)).orElseThrow(() -> ProblemException.notFound(
                    "payout_batch_not_found", Text.of("在您所辖范围内没有编号为 " + id + " 的支付批次。",
                            "No payout batch " + id + " in your part of the union tree.")));
            audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, id, "EXPORT_BANK_FILE", batch.orgPath(), Actor.of(user)));
            List<List<Object>> lines = new ArrayList<>();
            for (PayoutStore.BankLine line : PayoutStore.bankLines(c, id)) {
                lines.add(List.of(lines.size() + 1, line.name(), ExportPurpose.PAYMENT.idNumber(line.idNumber()), Money.yuan(line.fen()), "MA-CLAIM-" + line.claimId()));
            }
            return lines;
        });
    }
}
