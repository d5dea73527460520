package org.unionportal.hardshipaid.internal.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step in a household's history as data, never as a sentence: the action (FILE, APPROVE, …), the step's code and
 * values in {@code detail} (levels and file levels as codes, a certificate number, amounts in fen, dates), which the
 * page says in its language, and {@code note}: only what a person wrote (a reviewer's note, a reason), kept as written.
 */
public record HistoryStep(String action, Map<String, Object> detail, String note) {
    public HistoryStep {
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** An application filed, with the level asked for (null: not recorded, as in the demo data). */
    public static HistoryStep filed(Level requested) {
        return step("FILE", "FILED", null, "level", requested == null ? null : requested.code());
    }

    public static HistoryStep resubmitted() {
        return step("UPDATE", "RESUBMITTED", null);
    }

    public static HistoryStep changed(int members) {
        return step("UPDATE", "CHANGED", null, "members", members);
    }

    public static HistoryStep returned(String reason) {
        return step("RETURN", "RETURNED", reason);
    }

    public static HistoryStep rejected(String reason) {
        return step("REJECT", "REJECTED", reason);
    }

    /** Put on file: level, file level, the certificate issued (special hardship only); {@code demo}: seeded demo data. */
    public static HistoryStep approved(Level level, FileLevel fileLevel, String certificateNo, boolean demo, String note) {
        return step("APPROVE", "APPROVED", note, "level", level.code(), "fileLevel", fileLevel.code(), "certificateNo", certificateNo,
                "demo", demo ? Boolean.TRUE : null);
    }

    /**
     * The annual re-check: the level before and after, a certificate issued or withdrawn with the change (null when none),
     * and the next re-check's day.
     */
    public static HistoryStep rechecked(Level before, Level after, String certificateIssued, String certificateWithdrawn,
            LocalDate nextRecheck, String note) {
        return step("RECHECK", "RECHECKED", note, "from", before.code(), "level", after.code(), "certificateIssued", certificateIssued,
                "certificateWithdrawn", certificateWithdrawn, "nextRecheck", nextRecheck.toString());
    }

    /** Left the file on {@code date}; the reason is what the person wrote. */
    public static HistoryStep left(LocalDate date, String reason) {
        return step("LEAVE", "LEFT", reason, "date", date.toString());
    }

    /** A document added: its file name is what someone named it (shown as written). */
    public static HistoryStep documentAdded(String fileName) {
        return step("DOCUMENT", "DOCUMENT_ADDED", null, "fileName", fileName);
    }

    public static HistoryStep documentRemoved(String fileName) {
        return step("DOCUMENT_DELETED", "DOCUMENT_REMOVED", null, "fileName", fileName);
    }

    public static HistoryStep safetyNetProposed(int year, long amountFen) {
        return step("SAFETY_NET", "SAFETY_NET_PROPOSED", null, "year", year, "amountFen", amountFen);
    }

    public static HistoryStep safetyNetDecided(int year, long amountFen, boolean approved) {
        return step("SAFETY_NET", approved ? "SAFETY_NET_APPROVED" : "SAFETY_NET_REJECTED", null, "year", year, "amountFen", amountFen);
    }

    public static HistoryStep safetyNetPaid(int year, long amountFen) {
        return step("SAFETY_NET", "SAFETY_NET_PAID", null, "year", year, "amountFen", amountFen);
    }

    /** The step's code ({@code detail.step}). */
    public String step() {
        return (String) detail.get("step");
    }

    /** {@code keysAndValues}: name, value, …; a null value is left out. */
    private static HistoryStep step(String action, String step, String note, Object... keysAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("step", step);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                detail.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return new HistoryStep(action, detail, note);
    }
}
