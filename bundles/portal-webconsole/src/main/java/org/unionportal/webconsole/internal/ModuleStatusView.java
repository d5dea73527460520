package org.unionportal.webconsole.internal;

import java.math.BigDecimal;
import java.util.List;
import org.unionportal.api.module.Figure;

/**
 * What one module reported for the console page: its figures, or why it could not.
 *
 * @param moduleId the module id
 * @param nameZh   its name in Chinese (the id when the module is not known to the core)
 * @param nameEn   its name in English
 * @param figures  its figures (empty on error)
 * @param error    why the figures are missing, or null
 */
record ModuleStatusView(String moduleId, String nameZh, String nameEn, List<Figure> figures, String error) {
    ModuleStatusView {
        figures = List.copyOf(figures);
    }

    /** A figure's value as people read it: a count as is, fen as 元 with two decimals. */
    static String valueText(Figure f) {
        return f.unit() == Figure.Unit.FEN ? BigDecimal.valueOf(f.value(), 2).toPlainString() + " 元" : Long.toString(f.value());
    }
}
