package org.unionportal.webconsole.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.felix.webconsole.AbstractWebConsolePlugin;
import org.apache.felix.webconsole.WebConsoleConstants;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.module.PortalModules;

/**
 * Web console page "工会模块 / Union modules" at {@code /system/console/union-modules}: lists the union
 * module features with their bundles and modules, installs and uninstalls them; the same data as JSON
 * at {@code /system/console/union-modules.json}.
 */
@Component(service = Servlet.class, property = {
        WebConsoleConstants.PLUGIN_LABEL + "=" + UnionModulesPlugin.LABEL,
        WebConsoleConstants.PLUGIN_TITLE + "=" + UnionModulesPlugin.TITLE,
        WebConsoleConstants.PLUGIN_CATEGORY + "=" + UnionModulesPlugin.CATEGORY})
public class UnionModulesPlugin extends AbstractWebConsolePlugin {
    private static final long serialVersionUID = 1L;

    public static final String LABEL = "union-modules";
    public static final String TITLE = "工会模块 / Union modules";
    public static final String CATEGORY = "Union Portal";
    static final String JSON_SUFFIX = ".json";
    private static final int LOG_WARNING = 2;
    private static final EnumSet<FeaturesService.Option> OPTIONS =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Reference
    transient FeaturesService featuresService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile PortalModules portalModules;

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
        return CATEGORY;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws javax.servlet.ServletException,
            IOException {
        if (!isJsonRequest(req)) {
            super.doGet(req, resp);
            return;
        }
        PortalModules modules = portalModules;
        List<ModuleInfo> known = modulesOf(modules);
        try {
            send(resp, HttpServletResponse.SC_OK, JsonRenderer.features(features(known), known != null));
        } catch (Exception e) {
            log(LOG_WARNING, "Cannot list the union module features", e);
            send(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, JsonRenderer.error(messageOf(e)));
        }
    }

    @Override
    protected void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<ModuleInfo> known = modulesOf(portalModules);
        List<FeatureView> features = List.of();
        String error = null;
        try {
            features = features(known);
        } catch (Exception e) {
            log(LOG_WARNING, "Cannot list the union module features", e);
            error = messageOf(e);
        }
        StatusMessage status = StatusMessage.fromParameters(
                req.getParameter(StatusMessage.STATUS_PARAM), req.getParameter(StatusMessage.MESSAGE_PARAM));
        PrintWriter out = resp.getWriter();
        out.print(HtmlRenderer.page(features, known != null, status, error, pluginRoot(req)));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean json = isJsonRequest(req);
        if (!SameOrigin.allowed(req.getHeader("Host"), req.getHeader("Origin"), req.getHeader("Referer"))) {
            reject(resp, json, HttpServletResponse.SC_FORBIDDEN, "跨站请求被拒绝 / Cross-origin request refused");
            return;
        }
        String action = req.getParameter("action");
        String feature = req.getParameter("feature");
        if (!"install".equals(action) && !"uninstall".equals(action)) {
            reject(resp, json, HttpServletResponse.SC_BAD_REQUEST,
                    "未知操作 / Unknown action (install or uninstall expected)");
            return;
        }
        List<FeatureView> features;
        try {
            features = features(List.of());
        } catch (Exception e) {
            log(LOG_WARNING, "Cannot list the union module features", e);
            reject(resp, json, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "无法列出功能 / Cannot list features: " + messageOf(e));
            return;
        }
        if (feature == null || features.stream().noneMatch(f -> f.name().equals(feature))) {
            reject(resp, json, HttpServletResponse.SC_BAD_REQUEST,
                    "不是工会模块功能 / Not a union module feature: " + (feature == null ? "" : feature));
            return;
        }
        StatusMessage status;
        try {
            if ("install".equals(action)) {
                featuresService.installFeature(feature, EnumSet.copyOf(OPTIONS));
            } else {
                featuresService.uninstallFeature(feature, EnumSet.copyOf(OPTIONS));
            }
            status = StatusMessage.success(action, feature);
        } catch (Exception e) {
            log(LOG_WARNING, "Cannot " + action + " feature " + feature, e);
            status = StatusMessage.failure(action, feature, e);
        }
        if (json) {
            send(resp, status.ok() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    JsonRenderer.result(action, feature, status));
        } else {
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", pluginRoot(req) + "?" + status.toQuery());
        }
    }

    /** Every union module feature of the registered repositories, installed or not, in display order. */
    private List<FeatureView> features(List<ModuleInfo> modules) throws Exception {
        BundleContext context = getBundleContext();
        List<ModuleInfo> known = modules == null ? List.of() : modules;
        List<FeatureView> result = new ArrayList<>();
        for (Feature f : featuresService.listFeatures()) {
            List<String> capabilities = f.getCapabilities() == null ? List.of()
                    : f.getCapabilities().stream().map(org.apache.karaf.features.Capability::getValue).toList();
            if (!ModuleFeatures.isModuleFeature(f.getName(), capabilities)) {
                continue;
            }
            List<String> locations = f.getBundles().stream().map(BundleInfo::getLocation).toList();
            result.add(FeatureViews.of(f.getName(), f.getVersion(), f.getDescription(), featuresService.isInstalled(f),
                    locations, location -> bundleAt(context, location), known));
        }
        result.sort(FeatureView.ORDER);
        return result;
    }

    private static BundleView bundleAt(BundleContext context, String location) {
        Bundle bundle = context == null || location == null ? null : context.getBundle(location.trim());
        return bundle == null
                ? BundleView.notInstalled(location)
                : new BundleView(location, bundle.getBundleId(), bundle.getSymbolicName(),
                        BundleStates.name(bundle.getState()));
    }

    /** The modules the core knows, or {@code null} when the core is not there. */
    private List<ModuleInfo> modulesOf(PortalModules modules) {
        if (modules == null) {
            return null;
        }
        try {
            return modules.modules();
        } catch (RuntimeException e) {
            log(LOG_WARNING, "The portal core failed to list its modules", e);
            return null;
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

    private static String pluginRoot(HttpServletRequest req) {
        Object root = req.getAttribute(WebConsoleConstants.ATTR_PLUGIN_ROOT);
        return root instanceof String s ? s : req.getContextPath() + req.getServletPath() + "/" + LABEL;
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void reject(HttpServletResponse resp, boolean json, int status, String message)
            throws IOException {
        if (json) {
            send(resp, status, JsonRenderer.error(message));
        } else {
            resp.setStatus(status);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getWriter().print(message);
        }
    }

    private static void send(HttpServletResponse resp, int status, String json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().print(json);
    }
}
