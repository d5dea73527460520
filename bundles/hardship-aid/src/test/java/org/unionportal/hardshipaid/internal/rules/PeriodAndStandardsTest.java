package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Period texts, due dates and parts of every batch kind; the standard in force on a day. */
class PeriodAndStandardsTest {
    @Test
    void theFirstQuarterPaysLastYearsFourthQuartersPriceSubsidy() {
        Period q1 = Period.of(BatchKind.QUARTER, " 2027q1 ").orElseThrow();
        assertEquals("2027Q1", q1.key());
        assertEquals(LocalDate.of(2027, 1, 15), q1.dueDate());
        assertEquals(List.of(new Period.Part(Item.LIVING, "2027Q1"), new Period.Part(Item.PRICE_SUBSIDY, "2026Q4")), q1.parts());
        assertEquals(LocalDate.of(2027, 10, 15), Period.of(BatchKind.QUARTER, "2027Q4").orElseThrow().dueDate());
    }

    @Test
    void yearlyKindsHaveTheirDueDays() {
        assertEquals(LocalDate.of(2026, 9, 1), Period.of(BatchKind.SCHOOL_YEAR, "2026").orElseThrow().dueDate());
        assertEquals(5, Period.of(BatchKind.SCHOOL_YEAR, "2026").orElseThrow().parts().size());
        assertEquals(LocalDate.of(2026, 1, 15), Period.of(BatchKind.MEDICAL, "2026").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2027, 1, 1), Period.of(BatchKind.HOLIDAYS, "2027").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 7, 15), Period.of(BatchKind.SUMMER, "2026").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 12, 15), Period.of(BatchKind.ONE_OFF_PRICE, "2026").orElseThrow().dueDate());
    }

    @Test
    void textsThatDoNotFitTheKindAreRefused() {
        for (String bad : new String[] {null, "", "2026", "2026Q5", "2026Q0", "1999Q1", "26Q1"}) {
            assertEquals(Optional.empty(), Period.of(BatchKind.QUARTER, bad), bad);
        }
        for (String bad : new String[] {null, "2026Q1", "1999", "2101", "twenty"}) {
            assertEquals(Optional.empty(), Period.of(BatchKind.MEDICAL, bad), bad);
        }
        assertEquals(Optional.empty(), Period.of(BatchKind.REISSUE, "2026"), "a reissue has no period of its own");
        assertEquals("2026Q3", Period.format(BatchKind.QUARTER));
        assertEquals("2026Q4", Period.quarterOf(LocalDate.of(2026, 11, 22)));
        assertEquals("2026Q1", Period.quarterOf(LocalDate.of(2026, 3, 31)));
    }

    @Test
    void theStandardInForceIsTheLatestThatTookEffectOnOrBeforeTheDay() {
        Standards standards = new Standards(List.of(
                new Standard(1, Item.LIVING, 150_000L, LocalDate.of(2020, 1, 1)),
                new Standard(2, Item.LIVING, 180_000L, LocalDate.of(2027, 1, 1)),
                new Standard(3, Item.LIVING, 190_000L, LocalDate.of(2027, 1, 1)),
                new Standard(4, Item.MEDICAL, 120_000L, LocalDate.of(2020, 1, 1))));
        assertEquals(150_000L, standards.inForce(Item.LIVING, LocalDate.of(2026, 12, 31)).orElseThrow().amountFen());
        assertEquals(190_000L, standards.inForce(Item.LIVING, LocalDate.of(2027, 1, 1)).orElseThrow().amountFen(),
                "two on the same day: the later approved one");
        assertTrue(standards.inForce(Item.LIVING, LocalDate.of(2019, 12, 31)).isEmpty());
        assertTrue(standards.inForce(Item.SUMMER_HEAT, LocalDate.of(2026, 7, 15)).isEmpty());
        assertEquals(Item.values().length, Standards.wuxi2020().size(), "the notice sets every item");
    }
}
