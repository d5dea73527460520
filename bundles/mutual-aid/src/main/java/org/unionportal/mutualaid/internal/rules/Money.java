package org.unionportal.mutualaid.internal.rules;

/**
 * Integer-fen arithmetic and formatting. Amounts are never doubles: a double cannot hold 0.10
 * exactly and payouts must add up to the fen.
 */
public final class Money {

    private Money() {
    }

    /** Whole yuan to fen, e.g. {@code ofYuan(120) == 12_000}. */
    public static long ofYuan(long yuan) {
        return Math.multiplyExact(yuan, 100L);
    }

    /**
     * {@code percent} % of {@code fen}, <b>rounded half up to a whole fen</b>
     * (0.5 fen and more goes up, less goes down). Both arguments must be non-negative
     * and percent at most 100.
     *
     * @throws ArithmeticException on overflow (amounts beyond any real claim)
     */
    public static long percentOf(long fen, int percent) {
        if (fen < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percentOf(" + fen + ", " + percent + ")");
        }
        return Math.addExact(Math.multiplyExact(fen, (long) percent), 50L) / 100L;
    }

    /** Fen as yuan with exactly two decimals and no grouping, e.g. 1851400 → "18514.00", -5 → "-0.05". */
    public static String yuan(long fen) {
        // Work on the absolute value in unsigned terms so Long.MIN_VALUE does not break the sign.
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        if (abs < 0) { // Long.MIN_VALUE
            return "-92233720368547758.08";
        }
        long cents = abs % 100;
        return sign + (abs / 100) + "." + (cents < 10 ? "0" : "") + cents;
    }
}
