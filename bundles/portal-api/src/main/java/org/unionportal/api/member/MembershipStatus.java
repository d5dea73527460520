package org.unionportal.api.member;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** Whether a person is a member now. A member who left keeps the record (and the dates). */
public enum MembershipStatus implements Labelled {
    ACTIVE("在册", "Member"),
    LEFT("已退会", "Left");

    private final Text label;

    MembershipStatus(String zh, String en) {
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
