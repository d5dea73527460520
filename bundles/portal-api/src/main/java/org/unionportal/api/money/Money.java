package org.unionportal.api.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;
import org.unionportal.api.i18n.Text;

/**
 * Amounts are integer fen ({@code long}). This is the one place that turns fen into yuan text and
 * back, and that adds, subtracts and multiplies amounts; every operation fails with an
 * {@link ArithmeticException} instead of wrapping around.
 *
 * <pre>
 * Money.yuan(123450)          → "1234.50"      files, bank lists
 * Money.grouped(123450)       → "1,234.50"     tables on a page
 * Money.withUnit(123450)      → "1234.50 元"   Chinese sentences
 * Money.text(123450)          → Text("1,234.50 元", "CNY 1,234.50")   messages in both languages
 * Money.compact(150000)       → "1500"         (and 14050 → "140.5") short texts
 * Money.parseYuan("1,234.5")  → 123450
 * </pre>
 */
public final class Money {
    /** Largest amount {@link #parseYuan(String)} accepts by default: 100 million yuan, far beyond any aid. */
    public static final long DEFAULT_MAX_FEN = 10_000_000_000L;

    /** Optional sign, digits with or without thousands commas, optional decimals (their count is checked apart). */
    private static final Pattern AMOUNT = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|[+-]?\\.\\d+");

    private Money() {
    }

    // --- arithmetic -------------------------------------------------------------------------------

    /** Whole yuan to fen: {@code ofYuan(120) == 12_000}. */
    public static long ofYuan(long yuan) {
        return Math.multiplyExact(yuan, 100L);
    }

    public static long add(long fen, long more) {
        return Math.addExact(fen, more);
    }

    public static long subtract(long fen, long less) {
        return Math.subtractExact(fen, less);
    }

    /** {@code fen × count}, e.g. a monthly amount times months. */
    public static long times(long fen, long count) {
        return Math.multiplyExact(fen, count);
    }

    /** The sum of all amounts. */
    public static long sum(long... fens) {
        long total = 0;
        for (long fen : fens) {
            total = Math.addExact(total, fen);
        }
        return total;
    }

    /** The sum of all amounts. */
    public static long sum(Iterable<Long> fens) {
        long total = 0;
        for (Long fen : fens) {
            total = Math.addExact(total, fen);
        }
        return total;
    }

    /**
     * {@code percent} % of {@code fen}, rounded half up to a whole fen (0.5 fen and more goes up).
     * Both non-negative, percent at most 100.
     */
    public static long percentOf(long fen, int percent) {
        if (fen < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percentOf(" + fen + ", " + percent + ")");
        }
        return Math.addExact(Math.multiplyExact(fen, (long) percent), 50L) / 100L;
    }

    // --- fen to text ------------------------------------------------------------------------------

    /** Exactly two decimals, no grouping: {@code 185140 → "1851.40"}, {@code -5 → "-0.05"}. For files and bank lists. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Two decimals with thousands commas: {@code 123450 → "1,234.50"}. For tables people read. */
    public static String grouped(long fen) {
        String plain = yuan(fen);
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        StringBuilder whole = new StringBuilder(digits.substring(0, dot));
        for (int i = whole.length() - 3; i > 0; i -= 3) {
            whole.insert(i, ',');
        }
        return (negative ? "-" : "") + whole + digits.substring(dot);
    }

    /** {@code 123450 → "1234.50 元"}: the amount in a Chinese sentence. */
    public static String withUnit(long fen) {
        return yuan(fen) + " 元";
    }

    /** Without needless zeros: {@code 150000 → "1500"}, {@code 14050 → "140.5"}. For short texts and figures. */
    public static String compact(long fen) {
        return fen == 0 ? "0" : BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    /** The amount for a message in both languages: {@code "1,234.50 元"} / {@code "CNY 1,234.50"}. */
    public static Text text(long fen) {
        String g = grouped(fen);
        return Text.of(g + " 元", "CNY " + g);
    }

    // --- text to fen ------------------------------------------------------------------------------

    /**
     * Yuan text to fen, exactly, between 0 and {@link #DEFAULT_MAX_FEN}. Accepts {@code "1234.5"},
     * {@code "1,234.50"}, {@code "1234.50 元"}, {@code "¥1234"}, surrounding blanks.
     *
     * @throws InvalidAmount with a stable code and a message in both languages
     */
    public static long parseYuan(String text) {
        return parseYuan(text, 0, DEFAULT_MAX_FEN);
    }

    /**
     * Yuan text to fen, exactly, within {@code [minFen, maxFen]}; a sign is allowed when the
     * bounds allow negative amounts. At most two decimals.
     *
     * @throws InvalidAmount {@code not_an_amount}, {@code too_many_decimals}, {@code below_minimum} or {@code above_maximum}
     */
    public static long parseYuan(String text, long minFen, long maxFen) {
        if (minFen > maxFen) {
            throw new IllegalArgumentException("minFen > maxFen");
        }
        String s = text == null ? "" : text.strip();
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.startsWith("¥") || s.startsWith("￥")) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty() || !AMOUNT.matcher(s).matches()) {
            throw new InvalidAmount("not_an_amount", Text.of("“" + Objects.toString(text, "") + "”不是金额，应为元，最多两位小数，如 1234.50",
                    "“" + Objects.toString(text, "") + "” is not an amount in yuan (CNY) with at most two decimals, e.g. 1234.50"));
        }
        BigDecimal yuan = new BigDecimal(s.replace(",", ""));
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new InvalidAmount("too_many_decimals", Text.of("金额最多两位小数（精确到分）：" + text,
                    "An amount has at most two decimals (whole fen): " + text));
        }
        BigInteger fen = yuan.movePointRight(2).toBigIntegerExact();
        if (fen.compareTo(BigInteger.valueOf(minFen)) < 0) {
            throw new InvalidAmount("below_minimum", Text.of("金额不能小于 " + withUnit(minFen), "The amount must be at least "
                    + yuan(minFen) + " CNY"));
        }
        if (fen.compareTo(BigInteger.valueOf(maxFen)) > 0) {
            throw new InvalidAmount("above_maximum", Text.of("金额不能大于 " + withUnit(maxFen), "The amount must be at most "
                    + yuan(maxFen) + " CNY"));
        }
        return fen.longValueExact();
    }

    /** A yuan text that is not an acceptable amount: {@link #code()} is stable, {@link #text()} is for people. */
    public static final class InvalidAmount extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient Text text;

        public InvalidAmount(String code, Text text) {
            super(text.en());
            this.code = code;
            this.text = text;
        }

        public String code() {
            return code;
        }

        public Text text() {
            return text;
        }
    }
}
