package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The standards of the Wuxi notice (seed 001) and which one is in force on a day. */
class StandardsTest {
    private static final LocalDate FROM_2020 = LocalDate.of(2020, 1, 1);

    @Test
    void theWuxiNoticesAmountsPerHousehold() {
        Map<Item, Standard> wuxi = Standards.wuxi2020().stream().collect(Collectors.toMap(Standard::item, Function.identity()));
        assertEquals(Item.values().length, wuxi.size(), "one standard for every item");
        assertEquals(150_000L, wuxi.get(Item.LIVING).amountFen(), "living subsidy 1,500 a quarter");
        assertEquals(300_000L, wuxi.get(Item.SCHOOLING_UNIVERSITY).amountFen(), "full-time university 3,000 a school year");
        assertEquals(200_000L, wuxi.get(Item.SCHOOLING_HIGH).amountFen(), "high school and vocational 2,000");
        assertEquals(100_000L, wuxi.get(Item.SCHOOLING_BASIC).amountFen(), "compulsory education and kindergarten 1,000");
        assertEquals(200_000L, wuxi.get(Item.ENTRANT_AWARD).amountFen(), "new university entrant award 2,000");
        assertNull(wuxi.get(Item.ENTRANT_TICKET).amountFen(), "the entrant's ticket is refunded as paid, no fixed amount");
        assertEquals(120_000L, wuxi.get(Item.MEDICAL).amountFen(), "medical 1,200 a year");
        assertEquals(350_000L, wuxi.get(Item.HOLIDAY_VISIT).amountFen(), "New Year and Spring Festival visits 3,500");
        assertEquals(5_000L, wuxi.get(Item.PRICE_SUBSIDY).amountFen(), "price subsidy 50 a month");
        assertEquals(20_000L, wuxi.get(Item.SUMMER_HEAT).amountFen(), "summer heat 200");
        assertEquals(30_000L, wuxi.get(Item.ONE_OFF_PRICE).amountFen(), "one-off price subsidy 300");
        assertTrue(wuxi.values().stream().allMatch(s -> s.effectiveFrom().equals(FROM_2020)), "in force from 2020-01-01");
    }

    @Test
    void theLatestStandardThatTookEffectOnOrBeforeTheDayIsInForce() {
        Standards standards = new Standards(List.of(
                new Standard(1, Item.LIVING, 150_000L, FROM_2020),
                new Standard(2, Item.LIVING, 180_000L, LocalDate.of(2027, 1, 1)),
                new Standard(3, Item.MEDICAL, 120_000L, FROM_2020)));
        assertEquals(150_000L, standards.inForce(Item.LIVING, LocalDate.of(2026, 12, 31)).orElseThrow().amountFen());
        assertEquals(180_000L, standards.inForce(Item.LIVING, LocalDate.of(2027, 1, 1)).orElseThrow().amountFen(),
                "a standard is in force from its first day");
        assertEquals(180_000L, standards.inForce(Item.LIVING, LocalDate.of(2030, 6, 1)).orElseThrow().amountFen());
        assertTrue(standards.inForce(Item.LIVING, LocalDate.of(2019, 12, 31)).isEmpty(), "nothing before the first standard");
        assertTrue(standards.inForce(Item.SUMMER_HEAT, LocalDate.of(2026, 7, 15)).isEmpty(), "no standard for the item");
    }

    @Test
    void ofTwoStandardsFromTheSameDayTheLaterApprovedWins() {
        Standards standards = new Standards(List.of(
                new Standard(7, Item.SUMMER_HEAT, 25_000L, LocalDate.of(2026, 7, 1)),
                new Standard(5, Item.SUMMER_HEAT, 20_000L, LocalDate.of(2026, 7, 1))));
        assertEquals(25_000L, standards.inForce(Item.SUMMER_HEAT, LocalDate.of(2026, 7, 15)).orElseThrow().amountFen());
    }

    @Test
    void theTableIsACopy() {
        List<Standard> list = new ArrayList<>(Standards.wuxi2020());
        Standards standards = new Standards(list);
        list.clear();
        assertEquals(Item.values().length, standards.approved().size());
    }
}
