package org.unionportal.mutualaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The status shown on a day: active and unpaid covers end with their period, cancelled ones stay cancelled. */
class CoverStatusTest {
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    @Test
    void activeAndUnpaidCoversKeepTheirStatusThroughTheirLastDay() {
        assertEquals("ACTIVE", CoverStatus.asOf("ACTIVE", END, END));
        assertEquals("PENDING_PAYMENT", CoverStatus.asOf("PENDING_PAYMENT", END, END));
        assertEquals("PENDING_PAYMENT", CoverStatus.asOf("PENDING_PAYMENT", END, END.minusMonths(3)));
    }

    @Test
    void fromTheDayAfterTheirEndActiveAndUnpaidCoversAreExpired() {
        assertEquals("EXPIRED", CoverStatus.asOf("ACTIVE", END, END.plusDays(1)));
        assertEquals("EXPIRED", CoverStatus.asOf("PENDING_PAYMENT", END, END.plusDays(1)),
                "nothing is left to pay for once the period is over");
        assertEquals("EXPIRED", CoverStatus.asOf("PENDING_PAYMENT", END, END.plusYears(2)));
    }

    @Test
    void aCancelledCoverStaysCancelled() {
        assertEquals("CANCELLED", CoverStatus.asOf("CANCELLED", END, END.plusDays(1)));
        assertEquals("CANCELLED", CoverStatus.asOf("CANCELLED", END, END));
    }

    @Test
    void onlyAStoredActiveOrExpiredCoverWasPaid() {
        assertTrue(CoverStatus.paid("ACTIVE"));
        assertTrue(CoverStatus.paid("EXPIRED"));
        assertFalse(CoverStatus.paid("PENDING_PAYMENT"), "an unpaid cover shown as expired never began");
        assertFalse(CoverStatus.paid("CANCELLED"));
    }
}
