package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** Why a household is in hardship (致困原因). */
public enum Cause implements Labelled {
    ILLNESS("因病", "Illness"),
    DISABILITY("因残", "Disability"),
    JOB_LOSS("失业", "Job loss"),
    ACCIDENT("意外", "Accident"),
    SINGLE_PARENT("单亲", "Single parent"),
    EDUCATION("因学", "Education costs"),
    LOW_INCOME("收入低", "Low income"),
    OTHER("其他", "Other");

    private final Text label;

    Cause(String zh, String en) {
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
