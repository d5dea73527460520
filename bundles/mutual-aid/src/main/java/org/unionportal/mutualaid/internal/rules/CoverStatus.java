package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.Set;

/**
 * The status a group enrolment or an enrolment shows on a day, derived from its stored status and its cover end, so
 * that no job has to flip stored statuses.
 *
 * <p>Once the cover period has ended (the day after its last day) there is nothing left to wait for: an active cover
 * is EXPIRED (已到期), and so is one whose fee was never recorded, because a fee paid after the period would buy cover
 * for days already past (the plans cover a term, DOMAIN.md §1). Such an unpaid cover never began: {@link #paid} tells
 * it apart, and only paid cover can be claimed on. A cancelled one stays CANCELLED.
 */
public final class CoverStatus {
    public static final String PENDING_PAYMENT = "PENDING_PAYMENT";
    public static final String ACTIVE = "ACTIVE";
    public static final String EXPIRED = "EXPIRED";
    public static final String CANCELLED = "CANCELLED";

    /** Stored statuses whose cover ends with the period. */
    private static final Set<String> ENDS_WITH_PERIOD = Set.of(ACTIVE, PENDING_PAYMENT);

    private CoverStatus() {
    }

    /** The status shown on {@code today} for the stored status {@code stored} of a cover ending on {@code coverEnd}. */
    public static String asOf(String stored, LocalDate coverEnd, LocalDate today) {
        return ENDS_WITH_PERIOD.contains(stored) && coverEnd.isBefore(today) ? EXPIRED : stored;
    }

    /** Whether the stored status means the fee was recorded (a free plan's cover is active at once). */
    public static boolean paid(String stored) {
        return ACTIVE.equals(stored) || EXPIRED.equals(stored);
    }
}
