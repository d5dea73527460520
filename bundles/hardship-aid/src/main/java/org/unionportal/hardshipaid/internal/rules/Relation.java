package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** A household member's relation to the applicant. */
public enum Relation implements Labelled {
    SELF("本人", "Self"), SPOUSE("配偶", "Spouse"), CHILD("子女", "Child"), PARENT("父母", "Parent"), OTHER("其他", "Other");

    private final Text label;

    Relation(String zh, String en) {
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
