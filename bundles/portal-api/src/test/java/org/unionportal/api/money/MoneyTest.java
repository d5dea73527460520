package org.unionportal.api.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void yuanHasTwoDecimalsAndNoGrouping() {
        assertEquals("1234.50", Money.yuan(123_450));
        assertEquals("0.05", Money.yuan(5));
        assertEquals("0.00", Money.yuan(0));
        assertEquals("-0.01", Money.yuan(-1));
        assertEquals("-92233720368547758.08", Money.yuan(Long.MIN_VALUE));
        assertEquals("92233720368547758.07", Money.yuan(Long.MAX_VALUE));
    }

    @Test
    void groupedPutsThousandsCommas() {
        assertEquals("1,234.50", Money.grouped(123_450));
        assertEquals("999.99", Money.grouped(99_999));
        assertEquals("1,000.00", Money.grouped(100_000));
        assertEquals("1,234,567.89", Money.grouped(123_456_789));
        assertEquals("-1,234.50", Money.grouped(-123_450));
        assertEquals("-0.50", Money.grouped(-50));
    }

    @Test
    void unitsAndCompactAndBothLanguages() {
        assertEquals("1234.50 元", Money.withUnit(123_450));
        assertEquals("1500", Money.compact(150_000));
        assertEquals("140.5", Money.compact(14_050));
        assertEquals("0.01", Money.compact(1));
        assertEquals("0", Money.compact(0));
        assertEquals("1,234.50 元", Money.text(123_450).zh());
        assertEquals("CNY 1,234.50", Money.text(123_450).en());
    }

    @Test
    void parsesYuanTextExactly() {
        assertEquals(123_450, Money.parseYuan("1234.5"));
        assertEquals(123_450, Money.parseYuan(" 1,234.50 "));
        assertEquals(123_450, Money.parseYuan("1234.50 元"));
        assertEquals(123_400, Money.parseYuan("¥1234"));
        assertEquals(10, Money.parseYuan("0.1"));
        assertEquals(10, Money.parseYuan(".10"));
        assertEquals(0, Money.parseYuan("0"));
        assertEquals(1_200, Money.parseYuan("12.000"), "trailing zeros are not a third decimal");
        assertEquals(-550, Money.parseYuan("-5.5", -10_000, 10_000));
        assertEquals(550, Money.parseYuan("+5.50", -10_000, 10_000));
    }

    @Test
    void refusesWhatIsNotAnAmountWithStableCodes() {
        for (String bad : new String[] {null, "", " ", "abc", "1.2.3", "1,23", "12,34.5", "1e3", "--1", "0x10", "NaN", "1 234"}) {
            Money.InvalidAmount e = assertThrows(Money.InvalidAmount.class, () -> Money.parseYuan(bad), () -> "accepted " + bad);
            assertEquals("not_an_amount", e.code(), bad);
        }
        assertEquals("too_many_decimals", assertThrows(Money.InvalidAmount.class, () -> Money.parseYuan("1.005")).code());
        Money.InvalidAmount negative = assertThrows(Money.InvalidAmount.class, () -> Money.parseYuan("-1"));
        assertEquals("below_minimum", negative.code());
        assertEquals("金额不能小于 0.00 元", negative.text().zh());
        Money.InvalidAmount tooLarge = assertThrows(Money.InvalidAmount.class, () -> Money.parseYuan("5000.01", 0, 500_000));
        assertEquals("above_maximum", tooLarge.code());
        assertEquals("The amount must be at most 5000.00 CNY", tooLarge.text().en());
        assertEquals("above_maximum", assertThrows(Money.InvalidAmount.class,
                () -> Money.parseYuan("99999999999999999999", 0, Long.MAX_VALUE)).code(), "beyond a long is too large, not a wrap-around");
        assertEquals(500_000, Money.parseYuan("5000", 0, 500_000));
    }

    @Test
    void arithmeticFailsLoudlyOnOverflow() {
        assertEquals(12_000, Money.ofYuan(120));
        assertEquals(300, Money.add(100, 200));
        assertEquals(-100, Money.subtract(100, 200));
        assertEquals(1_200, Money.times(100, 12));
        assertEquals(600, Money.sum(100, 200, 300));
        assertEquals(600, Money.sum(List.of(100L, 200L, 300L)));
        assertThrows(ArithmeticException.class, () -> Money.add(Long.MAX_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Money.subtract(Long.MIN_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Money.times(Long.MAX_VALUE / 2, 3));
        assertThrows(ArithmeticException.class, () -> Money.sum(Long.MAX_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Money.ofYuan(Long.MAX_VALUE / 10));
    }

    @Test
    void percentRoundsHalfUp() {
        assertEquals(1_374_300, Money.percentOf(2_748_600, 50));
        assertEquals(1, Money.percentOf(1, 50));
        assertEquals(0, Money.percentOf(1, 49));
        assertEquals(67, Money.percentOf(101, 66));
        assertThrows(IllegalArgumentException.class, () -> Money.percentOf(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> Money.percentOf(1, 101));
        assertThrows(ArithmeticException.class, () -> Money.percentOf(Long.MAX_VALUE, 50));
    }
}
