package org.unionportal.mutualaid.internal.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void formatsFenAsYuanWithTwoDecimals() {
        assertEquals("108000.00", Money.yuan(10_800_000));
        assertEquals("18514.00", Money.yuan(1_851_400));
        assertEquals("0.05", Money.yuan(5));
        assertEquals("0.00", Money.yuan(0));
        assertEquals("-0.01", Money.yuan(-1));
        assertEquals("-12.30", Money.yuan(-1_230));
        assertEquals("-92233720368547758.08", Money.yuan(Long.MIN_VALUE));
    }

    @Test
    void percentRoundsHalfUp() {
        assertEquals(1_374_300, Money.percentOf(2_748_600, 50));
        assertEquals(1, Money.percentOf(1, 50));   // 0.5 → 1
        assertEquals(0, Money.percentOf(1, 49));   // 0.49 → 0
        assertEquals(67, Money.percentOf(101, 66)); // 66.66 → 67
        assertEquals(101, Money.percentOf(101, 100));
        assertThrows(IllegalArgumentException.class, () -> Money.percentOf(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> Money.percentOf(1, 101));
        assertThrows(ArithmeticException.class, () -> Money.percentOf(Long.MAX_VALUE, 50));
    }

    @Test
    void wholeYuanToFen() {
        assertEquals(12_000, Money.ofYuan(120));
    }
}
