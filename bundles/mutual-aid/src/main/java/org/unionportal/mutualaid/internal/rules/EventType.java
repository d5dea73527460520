package org.unionportal.mutualaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** What happened to the member. Accidents have no waiting period; illnesses do. */
public enum EventType implements Labelled {
    /** 住院 (illness). */
    HOSPITAL_STAY("住院", "hospital stay"),
    /** 重大疾病 (illness). */
    CRITICAL_ILLNESS("重大疾病", "critical illness"),
    /** 意外伤残. */
    ACCIDENT_DISABILITY("意外伤残", "accidental disability"),
    /** 意外身故. */
    ACCIDENTAL_DEATH("意外身故", "accidental death");

    private final String labelZh;
    private final String labelEn;

    EventType(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** True for accidents: the illness waiting period does not apply to them. */
    public boolean isAccident() {
        return this == ACCIDENT_DISABILITY || this == ACCIDENTAL_DEATH;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Text label() {
        return Text.of(labelZh, labelEn);
    }
}
