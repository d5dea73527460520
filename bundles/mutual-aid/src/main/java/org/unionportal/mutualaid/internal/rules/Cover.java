package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The cover of one enrolment: the term is {@code coverStart..coverEnd}, both days included.
 *
 * <p>Waiting period for illness: the first {@code waitingDaysIllness} calendar days of the
 * term, counting {@code coverStart} as day 1, so the first day an illness is covered is
 * {@code coverStart + waitingDaysIllness}. It keeps people from enrolling only once they are
 * ill. Accidents never wait, and neither does a renewal without a gap (the member was covered
 * the day before, so there is nothing to guard against).
 */
public record Cover(LocalDate coverStart, LocalDate coverEnd, int waitingDaysIllness, boolean renewalWithoutGap) {

    public Cover {
        Objects.requireNonNull(coverStart, "coverStart");
        Objects.requireNonNull(coverEnd, "coverEnd");
        if (coverEnd.isBefore(coverStart)) {
            throw new IllegalArgumentException("coverEnd " + coverEnd + " before coverStart " + coverStart);
        }
        Checks.nonNegative("waitingDaysIllness", waitingDaysIllness);
    }

    /** coverStart ≤ date ≤ coverEnd. */
    public boolean isActiveOn(LocalDate date) {
        return !date.isBefore(coverStart) && !date.isAfter(coverEnd);
    }

    /** The first day an illness event is covered. */
    public LocalDate firstIllnessDay() {
        return renewalWithoutGap ? coverStart : coverStart.plusDays(waitingDaysIllness);
    }

    /** True when an illness (not an accident) dated {@code date} falls in the waiting period. */
    public boolean inIllnessWaitingPeriod(LocalDate date) {
        return date.isBefore(firstIllnessDay());
    }
}
