package org.unionportal.webconsole.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.AbstractWebConsolePlugin;
import org.apache.felix.webconsole.WebConsoleConstants;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.module.ModuleStatus;
import org.unionportal.api.module.PortalModules;

/**
 * Web console page "模块概况 / Module status" at {@code /system/console/union-status}: the figures every
 * {@link ModuleStatus} service reports (counts, pending work), one section per module, so that a module needs no
 * console plugin of its own; JSON at {@code /system/console/union-status.json}. A module whose figures fail is
 * shown with the error; the others still are.
 */
@Component(service = Servlet.class, property = {
        WebConsoleConstants.PLUGIN_LABEL + "=" + ModuleStatusPlugin.LABEL,
        WebConsoleConstants.PLUGIN_TITLE + "=" + ModuleStatusPlugin.TITLE,
        WebConsoleConstants.PLUGIN_CATEGORY + "=" + UnionModulesPlugin.CATEGORY})
public class ModuleStatusPlugin extends AbstractWebConsolePlugin {
    private static final long serialVersionUID = 1L;

    public static final String LABEL = "union-status";
    public static final String TITLE = "模块概况 / Module status";
    static final String JSON_SUFFIX = ".json";
    private static final int LOG_WARNING = 2;

    private final transient List<ModuleStatus> statuses = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile PortalModules portalModules;

    @Reference(service = ModuleStatus.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStatus")
    void addStatus(ModuleStatus status) {
        statuses.add(status);
    }

    void removeStatus(ModuleStatus status) {
        statuses.remove(status);
    }

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
        return UnionModulesPlugin.CATEGORY;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws javax.servlet.ServletException, IOException {
        if (!isJsonRequest(req)) {
            super.doGet(req, resp);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().print(ModuleStatusRenderer.toJson(views()));
    }

    @Override
    protected void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Object root = req.getAttribute(WebConsoleConstants.ATTR_PLUGIN_ROOT);
        String base = root instanceof String s ? s : req.getContextPath() + req.getServletPath() + "/" + LABEL;
        resp.getWriter().print(ModuleStatusRenderer.toHtml(views(), base + JSON_SUFFIX));
    }

    /** Every reported status, by module id; the names from the core's module registry when it is there. */
    List<ModuleStatusView> views() {
        PortalModules modules = portalModules;
        List<ModuleStatusView> views = new ArrayList<>();
        for (ModuleStatus status : statuses) {
            views.add(view(status, modules));
        }
        views.sort(Comparator.comparing(ModuleStatusView::moduleId));
        return views;
    }

    private ModuleStatusView view(ModuleStatus status, PortalModules modules) {
        String id;
        try {
            id = status.moduleId();
        } catch (RuntimeException e) {
            id = status.getClass().getName();
        }
        Optional<ModuleInfo> info = Optional.empty();
        try {
            info = modules == null ? Optional.empty() : modules.module(id);
        } catch (RuntimeException e) {
            // the core is stopping: show the id
        }
        String zh = info.map(ModuleInfo::nameZh).orElse(id);
        String en = info.map(ModuleInfo::nameEn).orElse(id);
        try {
            return new ModuleStatusView(id, zh, en, status.figures(), null);
        } catch (RuntimeException e) {
            log(LOG_WARNING, "The figures of module " + id + " failed", e);
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return new ModuleStatusView(id, zh, en, List.of(), message);
        }
    }

    static boolean isJsonRequest(HttpServletRequest req) {
        String path = req.getPathInfo();
        if (path != null) {
            return path.equals("/" + LABEL + JSON_SUFFIX);
        }
        String uri = req.getRequestURI();
        return uri != null && uri.endsWith("/" + LABEL + JSON_SUFFIX);
    }
}
