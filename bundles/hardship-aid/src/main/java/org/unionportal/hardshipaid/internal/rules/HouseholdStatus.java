package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * Where a household is in the registry, and what may happen next:
 * APPLIED → (approve) ON_FILE | (return) RETURNED | (reject) REJECTED; RETURNED → (correct) APPLIED;
 * ON_FILE → (re-check) ON_FILE | (leave) LEFT.
 */
public enum HouseholdStatus implements Labelled {
    APPLIED("待审核", "Awaiting review"),
    RETURNED("已退回", "Returned"),
    ON_FILE("在档", "On file"),
    REJECTED("不予建档", "Rejected"),
    LEFT("已出档", "Left the file");

    private final Text label;

    HouseholdStatus(String zh, String en) {
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

    /** An application still being worked on: the operator who filed it corrects it and sees what was typed. */
    public boolean open() {
        return this == APPLIED || this == RETURNED;
    }

    /** Open applications and households on file: a worker has at most one of these at a time. */
    public boolean active() {
        return open() || this == ON_FILE;
    }

    /** Who may change the household's data: the operator while it is open, district or city staff while on file. */
    public boolean editableBy(boolean staff) {
        return open() || (this == ON_FILE && staff);
    }

    /** On file now or in the past: medical costs may be recorded for the safety net. */
    public boolean everOnFile() {
        return this == ON_FILE || this == LEFT;
    }
}
