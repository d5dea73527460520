package org.unionportal.mutualaid.internal.shell;

import java.math.BigDecimal;

final class Shell {
    private Shell() {
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
