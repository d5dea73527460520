package org.unionportal.mutualaid.internal.rest;

import java.math.BigDecimal;

/** Fen to yuan for files people read; amounts stay integer fen everywhere else. */
final class Money {
    private Money() {
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
