package org.unionportal.web.internal;

import static org.osgi.service.http.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME;
import static org.osgi.service.http.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.unionportal.web.internal.WebResources.Resolution;

/**
 * Serves the web shell from this bundle's {@code /web/} entries as the default servlet ({@code /})
 * of the default whiteboard context, so every more specific registration ({@code /api/*},
 * {@code /events}, {@code /modules/*}, {@code /system/console/*}) wins.
 */
@Component(service = Servlet.class, property = {
        HTTP_WHITEBOARD_SERVLET_PATTERN + "=/",
        HTTP_WHITEBOARD_SERVLET_NAME + "=union-portal-web"})
public final class WebShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** For the shell page only; module pages are ES modules from the same origin. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private transient volatile Bundle bundle;

    @Activate
    void activate(BundleContext context) {
        bundle = context.getBundle();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        String method = req.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(req, resp);
            return;
        }
        Resolution r = WebResources.resolve(path(req));
        if (r.kind() == WebResources.Kind.NOT_FOUND) {
            problem(resp, 404, "Not found", r.detail());
        } else {
            resp.setHeader("Allow", "GET, HEAD");
            problem(resp, 405, "Method not allowed", method + " is not supported here");
        }
    }

    @Override
    protected long getLastModified(HttpServletRequest req) {
        Bundle b = bundle;
        if (b == null || WebResources.resolve(path(req)).kind() != WebResources.Kind.FILE) {
            return -1;
        }
        return b.getLastModified() / 1000 * 1000;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        Resolution r = WebResources.resolve(path);
        switch (r.kind()) {
            case BAD_REQUEST -> problem(resp, 400, "Bad request", r.detail());
            case NOT_FOUND -> problem(resp, 404, "Not found", r.detail());
            case FILE -> {
                Bundle b = bundle;
                URL url = b == null ? null : b.getEntry(r.entry());
                if (url == null || url.getPath().endsWith("/")) {   // missing, or a directory
                    problem(resp, 404, "Not found", "Nothing is served at " + path);
                } else {
                    send(url, r, resp);
                }
            }
        }
    }

    private static void send(URL url, Resolution r, HttpServletResponse resp) throws IOException {
        URLConnection connection = url.openConnection();
        try (InputStream in = connection.getInputStream()) {
            resp.setStatus(200);
            resp.setContentType(r.contentType());
            resp.setHeader("Cache-Control", WebResources.CACHE_CONTROL);
            resp.setHeader("X-Content-Type-Options", "nosniff");
            if (r.isIndex()) {
                resp.setHeader("Content-Security-Policy", CSP);
                resp.setHeader("Referrer-Policy", "same-origin");
            }
            long length = connection.getContentLengthLong();
            if (length >= 0) {
                resp.setContentLengthLong(length);
            }
            try (OutputStream out = resp.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    private static void problem(HttpServletResponse resp, int status, String title, String detail)
            throws IOException {
        byte[] body = WebResources.problemJson(status, title, detail).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/problem+json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    private static String path(HttpServletRequest req) {
        return WebResources.requestPath(req.getServletPath(), req.getPathInfo());
    }
}
