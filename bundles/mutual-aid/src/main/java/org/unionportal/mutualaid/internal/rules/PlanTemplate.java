package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A plan as offered: what it costs, who may join and what it pays.
 *
 * @param code               stable code, e.g. "WX-3IN1"
 * @param nameZh             Chinese name
 * @param nameEn             English name
 * @param termYears          length of a term in years, ≥ 1
 * @param feeFen             fee per person, per year or per term as {@code feeBasis} says
 * @param feeBasis           how {@code feeFen} is charged
 * @param eligibility        who may enrol
 * @param benefits           what it pays
 * @param waitingDaysIllness waiting period for illnesses in days, ≥ 0
 * @param descriptionZh      a short description for members
 */
public record PlanTemplate(String code, String nameZh, String nameEn, int termYears, long feeFen, FeeBasis feeBasis,
                           Eligibility eligibility, Benefits benefits, int waitingDaysIllness, String descriptionZh) {

    public PlanTemplate {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if (termYears < 1) {
            throw new IllegalArgumentException("termYears must be at least 1: " + termYears);
        }
        Checks.nonNegative("feeFen", feeFen);
        Objects.requireNonNull(feeBasis, "feeBasis");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(benefits, "benefits");
        Checks.nonNegative("waitingDaysIllness", waitingDaysIllness);
        Objects.requireNonNull(descriptionZh, "descriptionZh");
    }

    /** The fee for one whole term: fee × years when charged per year, else the fee. */
    public long feePerTermFen() {
        return feeBasis == FeeBasis.PER_YEAR ? Math.multiplyExact(feeFen, (long) termYears) : feeFen;
    }

    /** The cover of a term starting on {@code start}: it ends the day before the same date {@code termYears} later. */
    public Cover coverStartingOn(LocalDate start, boolean renewalWithoutGap) {
        return new Cover(start, start.plusYears(termYears).minusDays(1), waitingDaysIllness, renewalWithoutGap);
    }
}
