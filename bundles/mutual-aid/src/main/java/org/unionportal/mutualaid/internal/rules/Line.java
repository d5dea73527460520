package org.unionportal.mutualaid.internal.rules;

import java.util.List;
import java.util.Objects;

/**
 * One line of an assessment.
 *
 * @param item          one of {@link #ITEMS}
 * @param amountFen     what this item pays on this claim after every cap (never negative)
 * @param explanationZh the rule, the numbers and which cap cut it, in Chinese
 * @param explanationEn the same in English
 * @param capped        true when a cap (per claim, per stay, yearly, per term, overall) cut the amount
 */
public record Line(String item, long amountFen, String explanationZh, String explanationEn, boolean capped) {

    public static final String MEDICAL = "MEDICAL";
    public static final String CONSOLATION = "CONSOLATION";
    public static final String CRITICAL_ILLNESS = "CRITICAL_ILLNESS";
    public static final String DISABILITY = "DISABILITY";
    public static final String ACCIDENTAL_DEATH = "ACCIDENTAL_DEATH";
    /** A note line (amount always 0) explaining the overall cap's cut; see {@link BenefitCalculator}. */
    public static final String OVERALL_CAP = "OVERALL_CAP";

    /** Every item, in the order lines appear in an assessment. */
    public static final List<String> ITEMS =
            List.of(MEDICAL, CONSOLATION, CRITICAL_ILLNESS, DISABILITY, ACCIDENTAL_DEATH, OVERALL_CAP);

    public Line {
        if (!ITEMS.contains(item)) {
            throw new IllegalArgumentException("unknown item: " + item);
        }
        Checks.nonNegative("amountFen", amountFen);
        Objects.requireNonNull(explanationZh, "explanationZh");
        Objects.requireNonNull(explanationEn, "explanationEn");
    }

    /** This line cut down to {@code newAmount}, marked capped, with a note appended to both texts. */
    Line cutTo(long newAmount, String noteZh, String noteEn) {
        return new Line(item, newAmount, explanationZh + noteZh, explanationEn + noteEn, true);
    }
}
