package org.unionportal.mutualaid.internal.rules;

import java.util.Locale;
import java.util.Optional;

/** Categories of worker that decide who may enrol in which plan. */
public enum WorkerCategory {
    /** 在职职工. */
    EMPLOYEE("在职职工", "employee in service"),
    /** 劳务派遣工. */
    DISPATCHED("劳务派遣工", "labour-dispatch worker"),
    /** 新就业形态劳动者: couriers, riders, ride-hailing and truck drivers. */
    GIG_WORKER("新就业形态劳动者", "gig worker"),
    /** 劳模. */
    MODEL_WORKER("劳模", "model worker");

    private final String labelZh;
    private final String labelEn;

    WorkerCategory(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /**
     * The category named by {@code text}: the enum name in any case ("gig_worker") or the
     * Chinese label ("新就业形态劳动者"); surrounding whitespace is ignored, because roster files
     * come from spreadsheets. Empty for null, blank or unknown text.
     */
    public static Optional<WorkerCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (WorkerCategory c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.labelZh.equals(t)) {
                return Optional.of(c);
            }
        }
        // Also accept "gig-worker" / "gig worker", a common way of writing the name by hand.
        String normalized = t.replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (WorkerCategory c : values()) {
            if (c.name().equals(normalized)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
