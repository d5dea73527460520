package org.unionportal.webconsole.internal;

import static org.unionportal.webconsole.internal.Escaping.html;
import static org.unionportal.webconsole.internal.Escaping.json;

import java.util.List;
import org.unionportal.api.module.Figure;

/** The module status page as HTML (inside the console's frame) and as JSON. Pure functions. */
final class ModuleStatusRenderer {
    private ModuleStatusRenderer() {
    }

    /** {@code {"modules":[{"id","nameZh","nameEn","error","figures":[{"code","labelZh","labelEn","value","unit","text","pending"}]}]}} */
    static String toJson(List<ModuleStatusView> modules) {
        StringBuilder out = new StringBuilder("{\"modules\":[");
        for (int i = 0; i < modules.size(); i++) {
            ModuleStatusView m = modules.get(i);
            out.append(i == 0 ? "" : ",").append("{\"id\":").append(json(m.moduleId())).append(",\"nameZh\":")
                    .append(json(m.nameZh())).append(",\"nameEn\":").append(json(m.nameEn())).append(",\"error\":")
                    .append(json(m.error())).append(",\"figures\":[");
            for (int j = 0; j < m.figures().size(); j++) {
                Figure f = m.figures().get(j);
                out.append(j == 0 ? "" : ",").append("{\"code\":").append(json(f.code())).append(",\"labelZh\":")
                        .append(json(f.label().zh())).append(",\"labelEn\":").append(json(f.label().en()))
                        .append(",\"value\":").append(f.value()).append(",\"unit\":").append(json(f.unit().name()))
                        .append(",\"text\":").append(json(ModuleStatusView.valueText(f))).append(",\"pending\":")
                        .append(f.pending()).append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    static String toHtml(List<ModuleStatusView> modules, String jsonHref) {
        StringBuilder out = new StringBuilder();
        out.append("<p class=\"statline\">各模块登记的概况（数量与待办） / What each installed module reports (counts, pending work). ")
                .append("<a href=\"").append(html(jsonHref)).append("\">JSON</a></p>");
        if (modules.isEmpty()) {
            out.append("<p>没有模块提供概况 / No module reports figures.</p>");
            return out.toString();
        }
        for (ModuleStatusView m : modules) {
            out.append("<h3 id=\"module-").append(html(m.moduleId())).append("\">").append(html(m.nameZh())).append(" / ")
                    .append(html(m.nameEn())).append(" <small>(").append(html(m.moduleId())).append(")</small></h3>");
            if (m.error() != null) {
                out.append("<p class=\"ui-state-error\">无法读取 / Cannot read: ").append(html(m.error())).append("</p>");
                continue;
            }
            out.append("<table class=\"tablesorter nicetable\"><thead><tr><th>指标 / Figure</th><th>数值 / Value</th></tr></thead><tbody>");
            for (Figure f : m.figures()) {
                boolean attention = f.pending() && f.value() > 0;
                out.append("<tr").append(attention ? " class=\"ui-state-highlight\"" : "").append("><td>").append(html(f.label().zh()))
                        .append(" / ").append(html(f.label().en())).append(attention ? " (待办 / pending)" : "").append("</td><td>")
                        .append(html(ModuleStatusView.valueText(f))).append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        return out.toString();
    }
}
