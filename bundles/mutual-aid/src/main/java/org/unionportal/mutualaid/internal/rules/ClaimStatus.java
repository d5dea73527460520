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
    /** In a payout batch, until the bank's result is recorded (then PAID, or APPROVED again when the transfer failed). */
    IN_PAYMENT("支付中", "Payment in progress"),
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
        return this == APPROVED || this == IN_PAYMENT || this == PAID;
    }

    /** Whether documents can still be added (a claim being paid, paid or rejected is closed). */
    public boolean open() {
        return this != PAID && this != REJECTED && this != IN_PAYMENT;
    }

    /** Whether the member or operator may still correct the claim's documents and payee account (a draft or a returned claim). */
    public boolean correctable() {
        return this == DRAFT || this == RETURNED;
    }
}
