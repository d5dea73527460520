package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** A payment batch: DRAFT (a preview to approve or discard) → APPROVED (files go out) → CLOSED (the bank's result is in). */
public enum BatchStatus implements Labelled {
    DRAFT("待审批", "Draft"), APPROVED("已审批", "Approved"), CLOSED("已结案", "Closed");

    private final Text label;

    BatchStatus(String zh, String en) {
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
