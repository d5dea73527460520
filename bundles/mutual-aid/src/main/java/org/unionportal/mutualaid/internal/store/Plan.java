package org.unionportal.mutualaid.internal.store;

import java.time.LocalDate;
import org.unionportal.mutualaid.internal.rules.Benefits;
import org.unionportal.mutualaid.internal.rules.Eligibility;
import org.unionportal.mutualaid.internal.rules.FeeBasis;

/** One version of a plan (保障项目). */
public record Plan(long id, String code, int version, boolean current, String nameZh, String nameEn, int termYears,
                   long feeFen, FeeBasis feeBasis, LocalDate enrolFrom, LocalDate enrolUntil, LocalDate coverFrom,
                   int waitingDays, PlanRules rules, String descriptionZh) {

    /** The rules part, stored as one JSON document so that a version is immutable as a whole. */
    public record PlanRules(Eligibility eligibility, Benefits benefits) {
    }

    /** The last day of cover for an enrolment starting on {@code start}. */
    public LocalDate coverEnd(LocalDate start) {
        return start.plusYears(termYears).minusDays(1);
    }

    /** The fee for one person for one whole term. */
    public long feePerPersonFen() {
        return feeBasis == FeeBasis.PER_YEAR ? feeFen * termYears : feeFen;
    }

    public boolean enrolmentOpen(LocalDate day) {
        return !day.isBefore(enrolFrom) && !day.isAfter(enrolUntil);
    }
}
