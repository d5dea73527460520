package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The facts of one claim as entered by the operator or taken from the medical-insurance
 * exchange. Not validated on construction, because they are user input: the calculator
 * reports problems as {@code INVALID_FACTS} rejections instead.
 *
 * @param type                   what happened
 * @param eventDate              onset / diagnosis / accident date; decides cover and waiting period
 * @param admissionDate          null when there was no hospital stay
 * @param dischargeDate          null when there was no hospital stay
 * @param criticalIllness        the diagnosed critical illness, null unless one was diagnosed
 * @param disabilityGrade        1..10 for an accidental disability, else null
 * @param totalCostFen           total hospital cost
 * @param basicInsuranceFen      paid by basic medical insurance (医保)
 * @param commercialInsuranceFen paid by commercial insurance
 */
public record ClaimFacts(EventType type, LocalDate eventDate, LocalDate admissionDate, LocalDate dischargeDate,
                         String criticalIllness, Integer disabilityGrade, long totalCostFen, long basicInsuranceFen,
                         long commercialInsuranceFen) {

    /** Both admission and discharge are given. */
    public boolean hasHospitalStay() {
        return admissionDate != null && dischargeDate != null;
    }

    /** Days in hospital = discharge − admission, at least 1 (a same-day stay counts as one day). */
    public long hospitalDays() {
        if (!hasHospitalStay()) {
            return 0;
        }
        return Math.max(1, ChronoUnit.DAYS.between(admissionDate, dischargeDate));
    }

    /**
     * The calendar year whose medical cap this claim uses: the year of the discharge date, or of
     * the event date without a stay. Callers sum {@code PriorUsage.medicalPaidInYearFen} over
     * the same year.
     */
    public int medicalYear() {
        return medicalYear(eventDate, dischargeDate);
    }

    /** {@link #medicalYear()} of a stored claim's dates. */
    public static int medicalYear(LocalDate eventDate, LocalDate dischargeDate) {
        return dischargeDate != null ? dischargeDate.getYear() : eventDate.getYear();
    }
}
