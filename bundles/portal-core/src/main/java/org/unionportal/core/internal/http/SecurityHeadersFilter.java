package org.unionportal.core.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.unionportal.api.i18n.Text;
import org.unionportal.core.internal.events.HttpProblems;

/**
 * The response headers every answer of the portal carries, set once here so that no resource, page or
 * module can forget them: {@code nosniff} everywhere; {@code Cache-Control: no-store} on every {@code /api}
 * answer unless the resource marks itself cacheable (it sets its own {@code Cache-Control}, which replaces
 * this one); a strict Content-Security-Policy (the shell's page may set its own); and, only when the request
 * came over TLS, HSTS. The headers are set before the chain runs so they are there even for errors. A request
 * whose Content-Type names a charset Java does not know is answered 415 here, before any servlet tries to decode it.
 * And CXF's own text 404 while no JAX-RS application serves an {@code /api} address is answered as a problem
 * ({@link NoServiceAnswer}).
 */
@Component(service = Filter.class, configurationPid = "org.unionportal.core", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@HttpWhiteboardFilterName("union-portal-security-headers")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
// every context: the JAX-RS whiteboard serves /api from a context of its own
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class SecurityHeadersFilter implements Filter {
    /** Request attribute: {@link Boolean#TRUE} when the request came over TLS (directly or via the trusted proxy). */
    public static final String SECURE_ATTRIBUTE = "org.unionportal.secure";

    /** No inline scripts or styles, nothing from elsewhere, no framing by other sites. */
    public static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    static final String HSTS = "max-age=31536000";

    /** From etc/org.unionportal.core.cfg (whose form is {@code Accounts.Config}). */
    public @interface Config {
        /**
         * {@code proxy.trustForwardedProto}: believe X-Forwarded-Proto (only when the portal is reachable solely through
         * a reverse proxy that sets it): https there means TLS, so answers carry HSTS and the session cookie is Secure.
         */
        boolean proxy_trustForwardedProto() default false;
    }

    private final boolean trustForwardedProto;

    @Activate
    public SecurityHeadersFilter(Config config) {
        this(config.proxy_trustForwardedProto());
    }

    SecurityHeadersFilter(boolean trustForwardedProto) {
        this.trustForwardedProto = trustForwardedProto;
    }

    /** Jetty's error answers become problem+json at start, before the first request (see {@link JettyErrorAnswers}). */
    @Override
    public void init(FilterConfig config) {
        JettyErrorAnswers.installFor(config.getServletContext());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            JettyErrorAnswers.installFor(request);
            apply(request, response);
            if (!charsetKnown(request.getCharacterEncoding())) {
                // the container cannot read such a body (nor the form parameters some servlets ask for first): it would throw, a 500
                HttpProblems.send(request, response, 415, "unsupported_charset", Text.of(
                        "请求的字符集无法识别，请以 UTF-8 发送（Content-Type: application/json; charset=UTF-8）。",
                        "The request's character set is unknown; send it as UTF-8 (Content-Type: application/json; charset=UTF-8)."));
                return;
            }
            if (isApi(request.getRequestURI())) {
                NoServiceAnswer.serve(request, response, chain, this);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** Whether a request's charset (from its Content-Type, null when it names none) is one Java can decode. */
    static boolean charsetKnown(String charset) {
        if (charset == null || charset.isBlank()) {
            return true;
        }
        try {
            return Charset.isSupported(charset.strip());
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/system/")) {
            // the Karaf web console (/system/console) is built on inline scripts and styles; it keeps its own rules
            response.setHeader("Content-Security-Policy", CSP);
        }
        response.setHeader("Referrer-Policy", "same-origin");
        if (isApi(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (overTls(request)) {
            request.setAttribute(SECURE_ATTRIBUTE, Boolean.TRUE);
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    boolean overTls(HttpServletRequest request) {
        return request.isSecure() || (trustForwardedProto && "https".equalsIgnoreCase(strip(request.getHeader("X-Forwarded-Proto"))));
    }

    /** Whether the request came over TLS, as this filter decided it (false where the filter did not run). */
    public static boolean isSecure(HttpServletRequest request) {
        return request != null && (request.isSecure() || Boolean.TRUE.equals(request.getAttribute(SECURE_ATTRIBUTE)));
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');   // several proxies: the first one is the client's side
        return (comma < 0 ? value : value.substring(0, comma)).strip();
    }
}
