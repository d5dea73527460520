package org.unionportal.core.internal.http;

import java.io.IOException;
import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.unionportal.core.internal.events.HttpProblems;

/**
 * The portal's error page for errors the container raises inside its context ({@code /WEB-INF}, an unmapped
 * path, a servlet's {@code sendError}): problem+json in the caller's language instead of Jetty's HTML.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("union-portal-error-page")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
public class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        HttpProblems.send(request, response, status, ProblemErrorHandler.code(status), ProblemErrorHandler.detail(status));
    }
}
