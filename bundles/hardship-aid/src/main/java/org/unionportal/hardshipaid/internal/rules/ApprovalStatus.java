package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * A proposal decided by a second person (a standard, a safety-net award): PROPOSED → APPROVED or REJECTED;
 * an approved award is then PAID.
 */
public enum ApprovalStatus implements Labelled {
    PROPOSED("待复核", "Proposed"), APPROVED("已批准", "Approved"), REJECTED("已驳回", "Rejected"), PAID("已支付", "Paid");

    private final Text label;

    ApprovalStatus(String zh, String en) {
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
