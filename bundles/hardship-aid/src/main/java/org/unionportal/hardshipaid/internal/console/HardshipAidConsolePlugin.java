package org.unionportal.hardshipaid.internal.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.AbstractWebConsolePlugin;
import org.apache.felix.webconsole.WebConsoleConstants;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.web.Escape;
import org.unionportal.hardshipaid.internal.service.FiguresService;
import org.unionportal.hardshipaid.internal.service.FiguresService.Status;

/**
 * Web console page "困难帮扶 / Hardship aid" at {@code /system/console/hardship-aid}: read-only figures of the
 * module (households by status and level, the latest batches, open proposals); as JSON at {@code .json}.
 * No personal data is shown here.
 */
@Component(service = Servlet.class, property = {
        WebConsoleConstants.PLUGIN_LABEL + "=" + HardshipAidConsolePlugin.LABEL,
        WebConsoleConstants.PLUGIN_TITLE + "=" + HardshipAidConsolePlugin.TITLE,
        WebConsoleConstants.PLUGIN_CATEGORY + "=Union Portal"})
public class HardshipAidConsolePlugin extends AbstractWebConsolePlugin {
    private static final long serialVersionUID = 1L;

    public static final String LABEL = "hardship-aid";
    public static final String TITLE = "困难帮扶 / Hardship aid";

    @Reference
    transient FiguresService figures;

    @Activate
    void start(BundleContext context) {
        super.activate(context);
    }

    @Deactivate
    void stop() {
        super.deactivate();
    }

    @Override
    public String getLabel() {
        return LABEL;
    }

    @Override
    public String getTitle() {
        return TITLE;
    }

    @Override
    public String getCategory() {
        return "Union Portal";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo() != null ? req.getPathInfo() : req.getRequestURI();
        if (path == null || !path.endsWith("/" + LABEL + ".json")) {
            super.doGet(req, resp);
            return;
        }
        Status f = figures.status(DataScope.subtree("/"));
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().print(json(f));
    }

    @Override
    protected void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Status f = figures.status(DataScope.subtree("/"));
        StringBuilder html = new StringBuilder("<div id='hardship-aid-console'>");
        html.append("<h2>在档与申请 / Households</h2>");
        table(html, List.of("状态 / Status", "等级 / Level", "户数 / Households"), f.households(), "ha-households");
        html.append("<h2>最近的发放批次 / Latest batches</h2>");
        table(html, List.of("批次 / Batch", "类型 / Kind", "期间 / Period", "状态 / Status", "行数 / Lines", "金额(元) / Amount (CNY)"),
                f.batches(), "ha-batches");
        html.append("<p id='ha-open'>待复核的标准 / Standards awaiting approval: <b>").append(f.proposedStandards())
                .append("</b>; 待审批的医疗兜底 / Safety-net awards awaiting approval: <b>").append(f.proposedAwards()).append("</b></p>");
        html.append("</div>");
        resp.getWriter().print(html);
    }

    private static void table(StringBuilder html, List<String> headers, List<List<String>> rows, String id) {
        html.append("<table class='nicetable' id='").append(id).append("'><thead><tr>");
        headers.forEach(h -> html.append("<th>").append(Escape.html(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan='").append(headers.size()).append("'>—</td></tr>");
        }
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(v -> html.append("<td>").append(Escape.html(v)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    static String json(Status f) {
        List<String> parts = new ArrayList<>();
        parts.add("\"households\":" + rows(f.households(), List.of("status", "level", "count")));
        parts.add("\"batches\":" + rows(f.batches(), List.of("id", "kind", "period", "status", "lines", "amountYuan")));
        parts.add("\"proposedStandards\":" + f.proposedStandards());
        parts.add("\"proposedAwards\":" + f.proposedAwards());
        return "{" + String.join(",", parts) + "}";
    }

    private static String rows(List<List<String>> rows, List<String> keys) {
        List<String> objects = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                fields.add("\"" + keys.get(i) + "\":\"" + Escape.json(row.get(i)) + "\"");
            }
            objects.add("{" + String.join(",", fields) + "}");
        }
        return "[" + String.join(",", objects) + "]";
    }
}
