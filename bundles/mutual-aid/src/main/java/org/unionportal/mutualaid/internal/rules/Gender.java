package org.unionportal.mutualaid.internal.rules;

/** Gender as registered on the roster; only the women's plan looks at it. */
public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String labelZh;

    Gender(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
