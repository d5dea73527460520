package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.hardshipaid.internal.rules.Period.Part;

/** The periods and due dates of the Wuxi standards notice (seed 001). */
class PeriodTest {

    @Test
    void aQuarterPaysItsLivingSubsidyBeforeThe15thOfItsFirstMonthAndThePreviousQuartersPriceSubsidy() {
        Period q3 = Period.of(BatchKind.QUARTER, "2026Q3").orElseThrow();
        assertEquals(LocalDate.of(2026, 7, 15), q3.dueDate());
        assertEquals(List.of(new Part(Item.LIVING, "2026Q3"), new Part(Item.PRICE_SUBSIDY, "2026Q2")), q3.parts());
        assertEquals(LocalDate.of(2026, 1, 15), Period.of(BatchKind.QUARTER, "2026Q1").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 4, 15), Period.of(BatchKind.QUARTER, "2026Q2").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 10, 15), Period.of(BatchKind.QUARTER, "2026Q4").orElseThrow().dueDate());
    }

    @Test
    void theFirstQuartersPriceSubsidyIsForTheLastQuarterOfTheYearBefore() {
        assertEquals(new Part(Item.PRICE_SUBSIDY, "2025Q4"), Period.of(BatchKind.QUARTER, "2026Q1").orElseThrow().parts().get(1));
    }

    @Test
    void quarterTextIsReadLeniently() {
        assertEquals("2026Q3", Period.of(BatchKind.QUARTER, " 2026q3 ").orElseThrow().key());
    }

    @Test
    void yearlyKindsAndTheirDueDays() {
        assertEquals(LocalDate.of(2026, 9, 1), Period.of(BatchKind.SCHOOL_YEAR, "2026").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 1, 15), Period.of(BatchKind.MEDICAL, "2026").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2027, 1, 1), Period.of(BatchKind.HOLIDAYS, "2027").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 7, 15), Period.of(BatchKind.SUMMER, "2026").orElseThrow().dueDate());
        assertEquals(LocalDate.of(2026, 12, 15), Period.of(BatchKind.ONE_OFF_PRICE, "2026").orElseThrow().dueDate());
    }

    @Test
    void theSchoolYearPaysEverySchoolingItemTheAwardAndTheTicket() {
        assertEquals(List.of(Item.SCHOOLING_UNIVERSITY, Item.SCHOOLING_HIGH, Item.SCHOOLING_BASIC, Item.ENTRANT_AWARD,
                Item.ENTRANT_TICKET), Period.of(BatchKind.SCHOOL_YEAR, "2026").orElseThrow().parts().stream().map(Part::item).toList());
        assertEquals(List.of(new Part(Item.MEDICAL, "2026")), Period.of(BatchKind.MEDICAL, "2026").orElseThrow().parts());
        assertEquals(List.of(new Part(Item.HOLIDAY_VISIT, "2027")), Period.of(BatchKind.HOLIDAYS, "2027").orElseThrow().parts());
        assertEquals(List.of(new Part(Item.SUMMER_HEAT, "2026")), Period.of(BatchKind.SUMMER, "2026").orElseThrow().parts());
        assertEquals(List.of(new Part(Item.ONE_OFF_PRICE, "2026")), Period.of(BatchKind.ONE_OFF_PRICE, "2026").orElseThrow().parts());
    }

    @Test
    void textThatDoesNotFitTheKindIsNoPeriod() {
        assertTrue(Period.of(BatchKind.QUARTER, "2026").isEmpty());
        assertTrue(Period.of(BatchKind.QUARTER, "2026Q5").isEmpty());
        assertTrue(Period.of(BatchKind.QUARTER, "1999Q1").isEmpty());
        assertTrue(Period.of(BatchKind.MEDICAL, "2026Q1").isEmpty());
        assertTrue(Period.of(BatchKind.SUMMER, "2101").isEmpty());
        assertTrue(Period.of(BatchKind.SUMMER, null).isEmpty());
        assertTrue(Period.of(BatchKind.REISSUE, "2026").isEmpty(), "a reissue has no period of its own");
    }

    @Test
    void theQuarterOfADay() {
        assertEquals("2026Q4", Period.quarterOf(LocalDate.of(2026, 11, 22)));
        assertEquals("2026Q1", Period.quarterOf(LocalDate.of(2026, 1, 1)));
        assertEquals("2026Q1", Period.quarterOf(LocalDate.of(2026, 3, 31)));
        assertEquals("2026Q2", Period.quarterOf(LocalDate.of(2026, 4, 1)));
        assertEquals("2026Q3", Period.format(BatchKind.QUARTER));
        assertEquals("2026", Period.format(BatchKind.SUMMER));
    }
}
