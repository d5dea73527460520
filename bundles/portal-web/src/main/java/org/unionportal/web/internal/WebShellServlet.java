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
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.web.Escape;
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
            problem(req, resp, 404, "not_found", nothingAt(path(req)));
        } else {
            resp.setHeader("Allow", "GET, HEAD");
            problem(req, resp, 405, "method_not_allowed", Text.of("该地址只支持 GET 和 HEAD 请求。", method + " is not supported here."));
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
            case BAD_REQUEST -> problem(req, resp, 400, "request_malformed", Text.of("地址无效。", "Invalid path."));
            case NOT_FOUND -> problem(req, resp, 404, "not_found", nothingAt(path));
            case FILE -> {
                Bundle b = bundle;
                URL url = b == null ? null : b.getEntry(r.entry());
                if (url == null || url.getPath().endsWith("/")) {   // missing, or a directory
                    problem(req, resp, 404, "not_found", nothingAt(path));
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

    private static Text nothingAt(String path) {
        return Text.of("这个地址下没有内容：" + path, "Nothing is served at " + path);
    }

    /** A problem with a stable code, in the caller's one language (a path that left /api lands here too). */
    private static void problem(HttpServletRequest req, HttpServletResponse resp, int status, String code, Text detail)
            throws IOException {
        Language lang = Language.fromAcceptLanguage(req.getHeader("Accept-Language"));
        Text title = switch (status) {
            case 400 -> Text.of("请求有误", "Bad request");
            case 404 -> Text.of("未找到", "Not found");
            default -> Text.of("不支持的操作", "Method not allowed");
        };
        byte[] body = ("{\"type\":\"about:blank\",\"code\":" + Escape.json(code) + ",\"title\":" + Escape.json(title.in(lang))
                + ",\"status\":" + status + ",\"detail\":" + Escape.json(detail.in(lang)) + "}").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Content-Language", lang.tag());
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
