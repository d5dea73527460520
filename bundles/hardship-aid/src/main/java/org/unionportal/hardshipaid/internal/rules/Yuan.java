package org.unionportal.hardshipaid.internal.rules;

import java.math.BigDecimal;

/** Fen as yuan text for people and files: 150000 → "1500", 14050 → "140.50". */
public final class Yuan {
    private Yuan() {
    }

    public static String text(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    /** Always two decimals, for bank files: 150000 → "1500.00". */
    public static String exact(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
