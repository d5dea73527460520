package org.unionportal.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The servlet against the packaged resources, with a bundle that reads them from the class path. */
class WebShellServletTest {

    /** What the servlet answered. */
    static final class Answer {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(WebShellServletTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) return false;
        if (type == int.class) return 0;
        if (type == long.class) return -1L;
        return null;
    }

    private static Answer call(String method, String servletPath) throws Exception {
        Bundle bundle = proxy(Bundle.class, (p, m, args) -> switch (m.getName()) {
            case "getEntry" -> WebShellServletTest.class.getResource((String) args[0]);
            case "getLastModified" -> 1_700_000_000_123L;
            default -> defaultValue(m.getReturnType());
        });
        BundleContext context = proxy(BundleContext.class,
                (p, m, args) -> "getBundle".equals(m.getName()) ? bundle : defaultValue(m.getReturnType()));
        WebShellServlet servlet = new WebShellServlet();
        servlet.activate(context);

        Answer answer = new Answer();
        ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { }
            @Override public void write(int b) { answer.body.write(b); }
        };
        HttpServletRequest req = proxy(HttpServletRequest.class, (p, m, args) -> switch (m.getName()) {
            case "getMethod" -> method;
            case "getServletPath" -> servletPath;
            case "getProtocol" -> "HTTP/1.1";
            default -> defaultValue(m.getReturnType());
        });
        HttpServletResponse resp = proxy(HttpServletResponse.class, (p, m, args) -> {
            switch (m.getName()) {
                case "setStatus" -> answer.status = (Integer) args[0];
                case "setContentType" -> answer.contentType = (String) args[0];
                case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                case "setDateHeader" -> answer.headers.put((String) args[0], String.valueOf(args[1]));
                case "containsHeader" -> {
                    return answer.headers.containsKey((String) args[0]);
                }
                case "getOutputStream" -> {
                    return out;
                }
                default -> {
                    return defaultValue(m.getReturnType());
                }
            }
            return null;
        });
        servlet.service(req, resp);
        return answer;
    }

    @Test
    void rootServesTheShell() throws Exception {
        Answer a = call("GET", "/");
        assertEquals(200, a.status);
        assertEquals("text/html;charset=utf-8", a.contentType);
        assertEquals("no-cache", a.headers.get("Cache-Control"));
        assertTrue(a.headers.containsKey("Content-Security-Policy"));
        assertTrue(a.text().contains("<html lang=\"zh-CN\">"));
    }

    @Test
    void deepLinkServesTheShell() throws Exception {
        Answer a = call("GET", "/mutual-aid/claims");
        assertEquals(200, a.status);
        assertTrue(a.text().contains("/js/app.js"));
    }

    @Test
    void scriptsAndStyles() throws Exception {
        Answer js = call("GET", "/js/app.js");
        assertEquals(200, js.status);
        assertEquals("text/javascript;charset=utf-8", js.contentType);
        assertEquals("no-cache", js.headers.get("Cache-Control"));
        assertNull(js.headers.get("Content-Security-Policy"));
        assertEquals("text/css;charset=utf-8", call("GET", "/css/portal.css").contentType);
        assertEquals("image/svg+xml;charset=utf-8", call("GET", "/favicon.svg").contentType);
    }

    @Test
    void missingFileIsAProblem() throws Exception {
        Answer a = call("GET", "/js/nope.js");
        assertEquals(404, a.status);
        assertEquals("application/problem+json;charset=utf-8", a.contentType);
        // no Accept-Language: the portal's default language, Chinese only
        assertEquals("{\"type\":\"about:blank\",\"code\":\"not_found\",\"title\":\"未找到\",\"status\":404,"
                + "\"detail\":\"这个地址下没有内容：/js/nope.js\"}", a.text());
    }

    @Test
    void apiPathsNeverGetTheShell() throws Exception {
        assertEquals(404, call("GET", "/api/portal/menu").status);
        Answer post = call("POST", "/api/auth/login");
        assertEquals(404, post.status);
        assertEquals("application/problem+json;charset=utf-8", post.contentType);
    }

    @Test
    void traversalIsRejected() throws Exception {
        Answer a = call("GET", "/../META-INF/MANIFEST.MF");
        assertEquals(400, a.status);
        assertTrue(a.text().contains("\"status\":400"));
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        Answer a = call("PUT", "/index.html");
        assertEquals(405, a.status);
        assertEquals("GET, HEAD", a.headers.get("Allow"));
    }
}
