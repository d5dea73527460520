package org.unionportal.core.internal.http;

import java.io.IOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.core.internal.events.HttpProblems;

/**
 * CXF's own 404 ({@code <html><body>No service was found.</body></html>}, text/html) as a problem+json answer. CXF's
 * servlet writes it itself, without {@code sendError}, so no error page sees it, whenever its JAX-RS server is not
 * there: in the portal application's context while the whiteboard builds the application (its first build at start,
 * and again, for a moment, after every resource or extension that comes or goes: a module installed or removed), and
 * always in the whiteboard's unused default application ({@code /api/unscoped}).
 * <p>
 * CXF writes those few characters into the container's buffer and neither flushes nor closes (CXF 3.6
 * {@code ServletController.generateNotFound}), so once the servlet has returned the answer is still uncommitted and is
 * replaced here: an {@code /api} answer that is a 404 in {@code text/html} (never a JAX-RS resource's or the problem
 * mapper's, which answer problem+json) and not yet committed. The response is not wrapped: a wrapper in front of
 * every {@code /api} answer cost the bare JAX-RS resource about 9 % of its requests per second at one connection.
 * <ul>
 *   <li>in the portal application's own context: 503 {@code api_reloading} with {@code Retry-After}: the address may
 *       well exist, it cannot be served for a moment (a 404 would tell the caller that it does not exist);</li>
 *   <li>anywhere else (the default application, which never serves anything): 404 {@code not_found}.</li>
 * </ul>
 * An address that does not exist in the deployed application is the application's own 404 problem, as before.
 */
final class NoServiceAnswer {
    static final String CODE = "api_reloading";
    static final String RETRY_AFTER_SECONDS = "2";
    static final Text RELOADING = Text.of("门户正在加载服务（例如刚安装或移除了模块），请稍后重试。",
            "The portal is loading its services (for example, a module was just installed or removed); try again in a moment.");

    private NoServiceAnswer() {
    }

    /**
     * Runs the rest of the chain for an {@code /api} request, answering problem+json where CXF answered its 404;
     * {@code filter} sets its headers again after the reset.
     */
    static void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain, SecurityHeadersFilter filter)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (response.isCommitted() || response.getStatus() != HttpServletResponse.SC_NOT_FOUND || !isHtml(response.getContentType())) {
            return;
        }
        response.reset(); // status, headers and CXF's characters; the writer CXF took is given up too
        filter.apply(request, response);
        response.setHeader("Cache-Control", "no-store");
        if (PortalRest.APPLICATION_BASE.equals(request.getContextPath())) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            HttpProblems.send(request, response, 503, CODE, RELOADING);
        } else {
            HttpProblems.send(request, response, 404, ProblemErrorHandler.code(404), ProblemErrorHandler.detail(404));
        }
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "text/html", 0, "text/html".length());
    }
}
