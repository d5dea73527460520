package org.unionportal.mutualaid.internal.rules;

import java.util.Objects;

/**
 * Hospital consolation payment (住院慰问金 / 住院补助金).
 *
 * @param mode      per stay or per day
 * @param amountFen per stay or per day, ≥ 0
 * @param capFen    most paid for one stay, ≥ 0, 0 = none
 */
public record ConsolationBenefit(ConsolationMode mode, long amountFen, long capFen) {

    public ConsolationBenefit {
        Objects.requireNonNull(mode, "mode");
        Checks.nonNegative("amountFen", amountFen);
        Checks.nonNegative("capFen", capFen);
    }
}
