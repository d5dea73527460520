package org.unionportal.mutualaid.internal.rules;

/**
 * What approved or paid claims of the same member and enrolment already used. The caller
 * computes it from the database in the same transaction that stores the new claim, so that two
 * claims approved at once cannot both use the same room under a cap.
 *
 * @param paidInTermFen             total paid in the term (for the overall cap)
 * @param medicalPaidInYearFen      MEDICAL lines in the claim's {@link ClaimFacts#medicalYear()}
 * @param criticalIllnessPaidInTerm a CRITICAL_ILLNESS line with an amount &gt; 0 exists in the term
 * @param disabilityPaidInTermFen   DISABILITY lines in the term
 */
public record PriorUsage(long paidInTermFen, long medicalPaidInYearFen, boolean criticalIllnessPaidInTerm,
                         long disabilityPaidInTermFen) {

    /** Nothing used yet: the first claim of an enrolment. */
    public static final PriorUsage NONE = new PriorUsage(0, 0, false, 0);

    public PriorUsage {
        Checks.nonNegative("paidInTermFen", paidInTermFen);
        Checks.nonNegative("medicalPaidInYearFen", medicalPaidInYearFen);
        Checks.nonNegative("disabilityPaidInTermFen", disabilityPaidInTermFen);
    }
}
