package org.unionportal.mutualaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
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

    private final PortalDatabase db;
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
        return db.inTransaction(c -> create(c, DataScope.of(user), user.username()));
    }

    PayoutBatch create(Connection c, DataScope scope, String username) throws SQLException {
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
            Reminders.enqueue(c, notifications, Reminders.PAYMENT_MADE, Reminders.dedupKey(Reminders.PAYMENT_MADE, "claim", claim.claimId()),
                    claim.memberId(), Reminders.paymentMade(claim.memberName(), claim.claimId(), claim.approvedFen()));
        }
        return PayoutStore.batch(c, id, scope).orElseThrow();
    }

    /** The rows of a batch's bank-transfer file; another subtree's batch is not found. */
    public List<List<Object>> bankFileRows(long id, PortalUser user) {
        return db.read(c -> {
            if (PayoutStore.batch(c, id, DataScope.of(user)).isEmpty()) {
                throw ProblemException.notFound("payout_batch_not_found", Text.of("在您所辖范围内没有编号为 " + id + " 的支付批次。",
                        "No payout batch " + id + " in your part of the union tree."));
            }
            List<List<Object>> lines = new ArrayList<>();
            for (PayoutStore.BankLine line : PayoutStore.bankLines(c, id)) {
                lines.add(List.of(lines.size() + 1, line.name(), ExportPurpose.PAYMENT.idNumber(line.idNumber()), Money.yuan(line.fen()), "MA-CLAIM-" + line.claimId()));
            }
            return lines;
        });
    }
}
