package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** One payment line: DRAFT → APPROVED with its batch → PAID or FAILED by the bank's result. */
public enum PaymentStatus implements Labelled {
    DRAFT("待审批", "Draft"), APPROVED("待发放", "Approved"), PAID("已发放", "Paid"), FAILED("发放失败", "Failed");

    private final Text label;

    PaymentStatus(String zh, String en) {
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
