package org.unionportal.hardshipaid.internal.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The approved standards; the one in force on a day is the latest that took effect on or before it. */
public record Standards(List<Standard> approved) {
    public Standards {
        approved = List.copyOf(approved);
    }

    public Optional<Standard> inForce(Item item, LocalDate day) {
        return approved.stream()
                .filter(s -> s.item() == item && !s.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Standard::effectiveFrom).thenComparing(Standard::id));
    }

    /**
     * The standards of the Wuxi notice (关于规范调整无锡市特困职工帮扶救助标准的通知), in force from
     * 2020-01-01: amounts in fen. The price subsidy is per month, living per quarter, schooling per school year.
     */
    public static List<Standard> wuxi2020() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        return List.of(
                new Standard(0, Item.LIVING, 150_000L, from),
                new Standard(0, Item.SCHOOLING_UNIVERSITY, 300_000L, from),
                new Standard(0, Item.SCHOOLING_HIGH, 200_000L, from),
                new Standard(0, Item.SCHOOLING_BASIC, 100_000L, from),
                new Standard(0, Item.ENTRANT_AWARD, 200_000L, from),
                new Standard(0, Item.ENTRANT_TICKET, null, from),
                new Standard(0, Item.MEDICAL, 120_000L, from),
                new Standard(0, Item.HOLIDAY_VISIT, 350_000L, from),
                new Standard(0, Item.PRICE_SUBSIDY, 5_000L, from),
                new Standard(0, Item.ONE_OFF_PRICE, 30_000L, from),
                new Standard(0, Item.SUMMER_HEAT, 20_000L, from));
    }
}
