package org.unionportal.hardshipaid.internal.rules;

/** 困难 (hardship) or 特困 (special hardship, with the certificate 优惠证). */
public enum Level {
    HARDSHIP("困难"), SPECIAL("特困");

    private final String zh;

    Level(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
