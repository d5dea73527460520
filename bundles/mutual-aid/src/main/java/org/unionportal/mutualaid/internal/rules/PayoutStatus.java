package org.unionportal.mutualaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * A payout batch: DRAFT (made, its claims are in payment) → APPROVED by a second person (the bank file may go
 * out) → CLOSED once the bank's result is recorded; a draft may be DISCARDED (its claims are approved again).
 */
public enum PayoutStatus implements Labelled {
    DRAFT("待审批", "Awaiting approval"),
    APPROVED("已审批，待登记银行结果", "Approved, awaiting the bank's result"),
    CLOSED("已登记银行结果", "Bank result recorded"),
    DISCARDED("已作废", "Discarded");

    private final Text label;

    PayoutStatus(String zh, String en) {
        this.label = Text.of(zh, en);
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return label;
    }
}
