package org.unionportal.mutualaid.internal.rules;

/**
 * Reimbursement of hospital medical costs (住院医疗费用).
 *
 * <p>Pays {@code sharePercent} % of (total cost − basic insurance paid − commercial insurance
 * paid − deductible), never negative, rounded half up to a whole fen; then cut by
 * {@code perClaimCapFen} and by what is left of {@code yearlyCapFen} in the calendar year of
 * the discharge date (or of the event date when there was no discharge). A cap of 0 means
 * "no cap".
 *
 * @param sharePercent   0..100
 * @param deductibleFen  起付线, ≥ 0
 * @param perClaimCapFen 单次限额, ≥ 0, 0 = none
 * @param yearlyCapFen   年度限额, ≥ 0, 0 = none
 */
public record MedicalBenefit(int sharePercent, long deductibleFen, long perClaimCapFen, long yearlyCapFen) {

    public MedicalBenefit {
        if (sharePercent < 0 || sharePercent > 100) {
            throw new IllegalArgumentException("sharePercent must be 0..100: " + sharePercent);
        }
        Checks.nonNegative("deductibleFen", deductibleFen);
        Checks.nonNegative("perClaimCapFen", perClaimCapFen);
        Checks.nonNegative("yearlyCapFen", yearlyCapFen);
    }
}
