package org.unionportal.mutualaid.internal.console;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.mutualaid.internal.reminders.CoverEndingScan;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.reminders.SenderRegistry;
import org.unionportal.mutualaid.spi.ReminderSender;

/**
 * Web console page "互助保障 / Mutual aid" at {@code /system/console/mutual-aid}: read-only figures of
 * the module (plans, enrolments, claims, payouts, the reminder outbox and its sender); the same as
 * JSON at {@code /system/console/mutual-aid.json}. The console lets only its administrators in.
 */
@Component(service = Servlet.class, property = {
        WebConsoleConstants.PLUGIN_LABEL + "=" + MutualAidConsolePlugin.LABEL,
        WebConsoleConstants.PLUGIN_TITLE + "=" + MutualAidConsolePlugin.TITLE,
        WebConsoleConstants.PLUGIN_CATEGORY + "=" + MutualAidConsolePlugin.CATEGORY})
public class MutualAidConsolePlugin extends AbstractWebConsolePlugin {
    private static final long serialVersionUID = 1L;

    public static final String LABEL = "mutual-aid";
    public static final String TITLE = "互助保障 / Mutual aid";
    public static final String CATEGORY = "Union Portal";
    static final String JSON_SUFFIX = ".json";
    private static final int LOG_WARNING = 2;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    transient PortalDatabase db;

    private final transient SenderRegistry senders = new SenderRegistry();

    @Reference(service = ReminderSender.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSender", updated = "updatedSender")
    void addSender(ReminderSender sender, Map<String, Object> properties) {
        senders.add(sender, properties);
    }

    void updatedSender(ReminderSender sender, Map<String, Object> properties) {
        senders.update(sender, properties);
    }

    void removeSender(ReminderSender sender) {
        senders.remove(sender);
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
        return CATEGORY;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!isJsonRequest(req)) {
            super.doGet(req, resp);
            return;
        }
        String json;
        int status = HttpServletResponse.SC_OK;
        try {
            json = ConsoleJson.render(figures());
        } catch (RuntimeException e) {
            log(LOG_WARNING, "Cannot read the mutual-aid figures", e);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            json = ConsoleJson.error(messageOf(e));
        }
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().print(json);
    }

    @Override
    protected void renderContent(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ConsoleFigures figures = null;
        String error = null;
        try {
            figures = figures();
        } catch (RuntimeException e) {
            log(LOG_WARNING, "Cannot read the mutual-aid figures", e);
            error = messageOf(e);
        }
        resp.getWriter().print(ConsoleHtml.page(figures, error, pluginRoot(req) + JSON_SUFFIX));
    }

    /** Everything in one read-only transaction. */
    ConsoleFigures figures() {
        List<String> registered = senders.names();
        ConsoleFigures.Senders s = registered.isEmpty()
                ? new ConsoleFigures.Senders(Reminders.LOG_SENDER, true, registered)
                : new ConsoleFigures.Senders(registered.get(0), false, registered);
        return db.read(c -> ConsoleFigures.load(c, CoverEndingScan.today(), Instant.now(), s));
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
}
