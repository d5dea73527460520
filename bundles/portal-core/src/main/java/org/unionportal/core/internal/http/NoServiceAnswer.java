package org.unionportal.core.internal.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
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
 * The response of an {@code /api} request is wrapped; only a 404 whose writer is asked for as text (what CXF does,
 * never a JAX-RS resource or the problem mapper, which write problem+json through the output stream) is held back:
 * its few characters are kept (at most {@value #KEPT}) instead of written, and once the servlet returns the answer
 * is written instead. Everything else goes straight through, unbuffered, downloads and streams included.
 * <ul>
 *   <li>in the portal application's own context: 503 {@code api_reloading} with {@code Retry-After}: the address may
 *       well exist, it cannot be served for a moment (a 404 would tell the caller that it does not exist);</li>
 *   <li>anywhere else (the default application, which never serves anything): 404 {@code not_found}.</li>
 * </ul>
 * An address that does not exist in the deployed application is the application's own 404 problem, as before.
 */
final class NoServiceAnswer extends HttpServletResponseWrapper {
    static final String CXF_NO_SERVICE = "No service was found.";
    static final String CODE = "api_reloading";
    static final String RETRY_AFTER_SECONDS = "2";
    static final int KEPT = 256;
    static final Text RELOADING = Text.of("门户正在加载服务（例如刚安装或移除了模块），请稍后重试。",
            "The portal is loading its services (for example, a module was just installed or removed); try again in a moment.");

    private StringBuilder held;
    private PrintWriter heldWriter;

    private NoServiceAnswer(HttpServletResponse response) {
        super(response);
    }

    /** Runs the rest of the chain for an {@code /api} request, answering problem+json where CXF would answer its 404. */
    static void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        NoServiceAnswer wrapped = new NoServiceAnswer(response);
        chain.doFilter(request, wrapped);
        if (wrapped.held == null || response.isCommitted()) {
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (wrapped.held.indexOf(CXF_NO_SERVICE) >= 0 && PortalRest.APPLICATION_BASE.equals(request.getContextPath())) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            HttpProblems.send(request, response, 503, CODE, RELOADING);
        } else {
            HttpProblems.send(request, response, 404, ProblemErrorHandler.code(404), ProblemErrorHandler.detail(404));
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (heldWriter == null && getStatus() == SC_NOT_FOUND && !isCommitted() && isText(getContentType())) {
            held = new StringBuilder();
            heldWriter = new PrintWriter(new Keeper(held));
        }
        return heldWriter != null ? heldWriter : super.getWriter();
    }

    /** Nothing of a held answer reaches the client before the servlet returns. */
    @Override
    public void flushBuffer() throws IOException {
        if (heldWriter == null) {
            super.flushBuffer();
        }
    }

    private static boolean isText(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/");
    }

    /** Keeps the first {@value #KEPT} characters written, drops the rest. */
    private static final class Keeper extends Writer {
        private final StringBuilder kept;

        Keeper(StringBuilder kept) {
            this.kept = kept;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            kept.append(chars, offset, Math.max(0, Math.min(length, KEPT - kept.length())));
        }

        @Override
        public void flush() {
            // nothing is written anywhere
        }

        @Override
        public void close() {
            // nothing to close
        }
    }
}
