package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** A child's stage of schooling. UNIVERSITY is full-time higher education: college, bachelor, postgraduate. */
public enum Stage implements Labelled {
    KINDERGARTEN("幼儿园", "Kindergarten"),
    PRIMARY("小学", "Primary school"),
    JUNIOR_HIGH("初中", "Junior high school"),
    SENIOR_HIGH("高中", "Senior high school"),
    VOCATIONAL("中职", "Vocational school"),
    UNIVERSITY("全日制大学", "University");

    private final Text label;

    Stage(String zh, String en) {
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
