package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/** 困难 (hardship) or 特困 (special hardship, with the certificate 优惠证). */
public enum Level implements Labelled {
    HARDSHIP("困难", "Hardship"), SPECIAL("特困", "Special hardship");

    private final Text label;

    Level(String zh, String en) {
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
