package org.unionportal.mutualaid.internal.roster;

/**
 * One data row of an uploaded roster, as read: values are trimmed, blank cells are {@code null}.
 *
 * <ul>
 * <li>{@code line}: the 1-based row number the operator sees in the file (Excel row number; for CSV the
 * record number, so a quoted field spanning two lines still counts as one row; the header row counts).</li>
 * <li>{@code idNumber}: whitespace removed, full-width digits made ASCII, a lower-case {@code x} upper-cased.</li>
 * <li>{@code phone}: as written (use {@link Phones#normalize(String)} to store it).</li>
 * <li>{@code gender}: "M" or "F" when recognised (男/女/M/F/male/female), else the raw text.</li>
 * <li>{@code category}: the code EMPLOYEE / DISPATCHED / GIG_WORKER / MODEL_WORKER when recognised
 * (see {@link RosterValues#category(String)}), else the raw text.</li>
 * <li>booleans: {@code null} when blank or not recognised.</li>
 * </ul>
 * Values that were not recognised are reported by {@link RosterChecks}.
 */
public record RosterRow(int line, String name, String idNumber, String phone, String gender, String category,
        Boolean basicInsurance, Boolean unionMember) {
}
