package org.unionportal.hardshipaid.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a batch pays and its due date, as the standards notice sets them:
 * <ul>
 * <li>{@code QUARTER} "2026Q3": the living subsidy of the quarter by bank before the 15th of its first month, and
 * on the same day the previous quarter's price subsidy onto the love card (下季度首月15日前拨入上季度);</li>
 * <li>{@code SCHOOL_YEAR} "2026": the school year 2026/27, due 1 September;</li>
 * <li>{@code MEDICAL} "2026": due 15 January; {@code HOLIDAYS} "2027": New Year and Spring Festival 2027, due 1 January;
 * {@code SUMMER} "2026": due 15 July; {@code ONE_OFF_PRICE} "2026": due 15 December.</li>
 * </ul>
 *
 * @param parts what is paid: each item with the period key it is paid for
 */
public record Period(BatchKind kind, String key, LocalDate dueDate, List<Part> parts) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** One item paid for one period key (the price subsidy of a quarterly batch is for the quarter before). */
    public record Part(Item item, String periodKey) {
    }

    /** The period of a batch kind, or empty with a readable reason when the text does not fit the kind. */
    public static Optional<Period> of(BatchKind kind, String text) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (kind == BatchKind.QUARTER) {
            Matcher m = QUARTER.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
            int year = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            if (!plausible(year)) {
                return Optional.empty();
            }
            String previous = q == 1 ? (year - 1) + "Q4" : year + "Q" + (q - 1);
            return Optional.of(new Period(kind, t, LocalDate.of(year, 3 * q - 2, 15),
                    List.of(new Part(Item.LIVING, t), new Part(Item.PRICE_SUBSIDY, previous))));
        }
        if (kind == BatchKind.REISSUE || !YEAR.matcher(t).matches() || !plausible(Integer.parseInt(t))) {
            return Optional.empty();
        }
        int year = Integer.parseInt(t);
        return Optional.of(switch (kind) {
            case SCHOOL_YEAR -> new Period(kind, t, LocalDate.of(year, 9, 1), List.of(new Part(Item.SCHOOLING_UNIVERSITY, t),
                    new Part(Item.SCHOOLING_HIGH, t), new Part(Item.SCHOOLING_BASIC, t), new Part(Item.ENTRANT_AWARD, t),
                    new Part(Item.ENTRANT_TICKET, t)));
            case MEDICAL -> new Period(kind, t, LocalDate.of(year, 1, 15), List.of(new Part(Item.MEDICAL, t)));
            case HOLIDAYS -> new Period(kind, t, LocalDate.of(year, 1, 1), List.of(new Part(Item.HOLIDAY_VISIT, t)));
            case SUMMER -> new Period(kind, t, LocalDate.of(year, 7, 15), List.of(new Part(Item.SUMMER_HEAT, t)));
            case ONE_OFF_PRICE -> new Period(kind, t, LocalDate.of(year, 12, 15), List.of(new Part(Item.ONE_OFF_PRICE, t)));
            default -> throw new IllegalArgumentException(kind.name());
        });
    }

    /** What the period text of a kind looks like, for error messages. */
    public static String format(BatchKind kind) {
        return kind == BatchKind.QUARTER ? "2026Q3" : "2026";
    }

    private static boolean plausible(int year) {
        return year >= 2000 && year <= 2100;
    }

    /** The quarter of a day, e.g. 2026-11-22 → "2026Q4". */
    public static String quarterOf(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
