package org.unionportal.api.module;

import java.util.Objects;
import org.unionportal.api.i18n.Labelled;
import org.unionportal.api.i18n.Text;

/**
 * One figure of a {@link ModuleStatus}.
 *
 * @param code    a stable code, e.g. {@code claims.submitted}
 * @param label   what it counts, in both languages
 * @param value   the number (fen for {@link Unit#FEN})
 * @param unit    a count or an amount of money
 * @param pending whether it is work waiting for someone (shown highlighted when above 0)
 * @since 1.1
 */
public record Figure(String code, Text label, long value, Unit unit, boolean pending) implements Labelled {
    public enum Unit { COUNT, FEN }

    public Figure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        unit = unit == null ? Unit.COUNT : unit;
    }

    public static Figure count(String code, Text label, long value) {
        return new Figure(code, label, value, Unit.COUNT, false);
    }

    /** Work waiting for someone. */
    public static Figure pending(String code, Text label, long value) {
        return new Figure(code, label, value, Unit.COUNT, true);
    }

    public static Figure money(String code, Text label, long fen) {
        return new Figure(code, label, fen, Unit.FEN, false);
    }
}
