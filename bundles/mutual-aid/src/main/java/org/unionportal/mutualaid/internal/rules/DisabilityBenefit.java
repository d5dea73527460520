package org.unionportal.mutualaid.internal.rules;

import org.unionportal.api.money.Money;

/**
 * Disability payment (身体伤残互助金 / 意外伤残补助金): a share of {@code baseSumFen} by the
 * disability grade 1..10.
 *
 * @param baseSumFen the sum paid at grade 1 (100 %), ≥ 0
 */
public record DisabilityBenefit(long baseSumFen) {

    /**
     * Percent paid by grade; index = grade. The only place the grade table lives: grade 1 is
     * 100 % and each further grade 10 points less, so grade 10 is 10 %.
     */
    private static final int[] PERCENT_BY_GRADE = {0, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10};

    public static final int MIN_GRADE = 1;
    public static final int MAX_GRADE = 10;

    public DisabilityBenefit {
        Checks.nonNegative("baseSumFen", baseSumFen);
    }

    public static boolean isValidGrade(int grade) {
        return grade >= MIN_GRADE && grade <= MAX_GRADE;
    }

    /** Percent of the base sum paid for {@code grade} (1 → 100, 10 → 10). */
    public static int percentForGrade(int grade) {
        if (!isValidGrade(grade)) {
            throw new IllegalArgumentException("disability grade must be 1..10: " + grade);
        }
        return PERCENT_BY_GRADE[grade];
    }

    /** The base sum × the grade's percent, rounded half up to a whole fen. */
    public long amountForGrade(int grade) {
        return Money.percentOf(baseSumFen, percentForGrade(grade));
    }
}
