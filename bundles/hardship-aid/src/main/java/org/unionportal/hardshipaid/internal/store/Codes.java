package org.unionportal.hardshipaid.internal.store;

import java.util.List;

/** The code sets of a household that are not rules (see rules for level, channel, stage, item). */
public final class Codes {
    public static final List<String> CAUSES = List.of("ILLNESS", "DISABILITY", "JOB_LOSS", "ACCIDENT", "SINGLE_PARENT",
            "EDUCATION", "LOW_INCOME", "OTHER");
    public static final List<String> RELATIONS = List.of("SELF", "SPOUSE", "CHILD", "PARENT", "OTHER");

    public static final String APPLIED = "APPLIED";
    public static final String RETURNED = "RETURNED";
    public static final String ON_FILE = "ON_FILE";
    public static final String REJECTED = "REJECTED";
    public static final String LEFT = "LEFT";

    private Codes() {
    }
}
