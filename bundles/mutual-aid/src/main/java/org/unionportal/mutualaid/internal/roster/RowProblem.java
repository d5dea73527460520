package org.unionportal.mutualaid.internal.roster;

/**
 * A problem found in an uploaded roster.
 *
 * @param line    1-based row of the file (the header row is 1); for whole-file problems the header row, or the
 *                row where reading stopped
 * @param field   {@link #FILE}, a column key ({@code name, idNumber, phone, gender, category, basicInsurance,
 *                unionMember}) or {@link #ELIGIBILITY}
 * @param message Chinese first, English in brackets after, e.g. "身份证号校验位错误 (ID number check digit is wrong)"
 */
public record RowProblem(int line, String field, String message) {
    public static final String FILE = "file";
    public static final String ELIGIBILITY = "eligibility";

    public boolean fileLevel() {
        return FILE.equals(field);
    }
}
