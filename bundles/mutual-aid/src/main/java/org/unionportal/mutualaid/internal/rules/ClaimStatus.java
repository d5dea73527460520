package org.unionportal.mutualaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** Where a claim stands. Stored and sent by its name; the labels are those the pages show. */
public enum ClaimStatus implements Labelled {
    /** Prepared from the medical-insurance settlements; a claim once its member sends it. */
    DRAFT("草稿", "Draft"),
    SUBMITTED("已提交", "Submitted"),
    UNDER_REVIEW("审核中", "Under review"),
    RETURNED("已退回", "Returned"),
    APPROVED("已核准", "Approved"),
    REJECTED("不予理赔", "Rejected"),
    PAID("已支付", "Paid");

    private final Text label;

    ClaimStatus(String zh, String en) {
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

    /** Whether claims of this status count against the caps of later claims. */
    public boolean countsAgainstCaps() {
        return this == APPROVED || this == PAID;
    }

    /** Whether documents can still be added (a paid or rejected claim is closed). */
    public boolean open() {
        return this != PAID && this != REJECTED;
    }
}
