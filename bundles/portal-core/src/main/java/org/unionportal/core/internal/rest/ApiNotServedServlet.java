package org.unionportal.core.internal.rest;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.core.internal.events.HttpProblems;
import org.unionportal.core.internal.faults.DatabaseUnavailable;

/**
 * Answers {@code /api/*} while the portal application is not deployed: 503 problem+json with {@code Retry-After}, not
 * a 404 that says the address does not exist. Jetty hands {@code /api} requests to the application's own context once
 * the whiteboard has deployed it, so this servlet of the root context only answers meanwhile: during start-up, before
 * the {@link ApplicationGate} opens ({@code starting}), and when the gate opened without the core's database service
 * (the database was unreachable at start, so nothing that needs it, the application's sign-in filter included, can
 * run: {@code database_unavailable}; readiness, a balancer's check, answers the same 503). The persistence extender
 * keeps trying the database meanwhile and publishes the core's schema once it answers; the application follows.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("union-portal-api-not-served")
@HttpWhiteboardServletPattern("/api/*")
public class ApiNotServedServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String STARTING_RETRY_AFTER_SECONDS = "5";

    @Reference
    transient ApplicationGate gate;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    transient volatile PortalDatabase db;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (gate.isOpen() && db == null) {
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            HttpProblems.send(request, response, 503, "database_unavailable", Text.of(
                    "门户无法连接数据库，暂不提供服务；数据库恢复后门户自动恢复服务，无需重启。如果持续出现，请联系管理员检查数据库。",
                    "The portal cannot reach its database and serves nothing until it can; it serves again by itself once "
                            + "the database is back. If this goes on, ask the administrator to check the database."));
            return;
        }
        response.setHeader("Retry-After", STARTING_RETRY_AFTER_SECONDS);
        HttpProblems.send(request, response, 503, "starting", Text.of(
                "门户正在启动，请稍后重试。", "The portal is starting; try again in a moment."));
    }
}
