package org.unionportal.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/**
 * CXF's text 404 while no JAX-RS server serves an /api address becomes a problem in the caller's language, through the
 * core's filter; every other answer passes through as written, unbuffered.
 */
class NoServiceAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What CXF's ServletController.generateNotFound does (CXF 3.6). */
    private static final FilterChain CXF_NO_SERVICE = (req, res) -> {
        HttpServletResponse r = (HttpServletResponse) res;
        r.setStatus(404);
        r.setContentType("text/html");
        r.getWriter().write("<html><body>No service was found.</body></html>");
    };

    /**
     * A response as the container keeps it: status, headers, body bytes; the writer and the stream share the body;
     * nothing is committed until {@code committed} is set (as Jetty's buffer holds a short answer), and reset drops all of it.
     */
    private static final class Recorded {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                // blocking only
            }
        };
        PrintWriter writer = new PrintWriter(stream, true, StandardCharsets.UTF_8);
        boolean committed;
        final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "getStatus" -> status;
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "getContentType" -> headers.get("Content-Type");
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "isCommitted" -> committed;
                    case "reset" -> {
                        if (committed) {
                            throw new IllegalStateException("committed");
                        }
                        status = 200;
                        headers.clear();
                        body.reset();
                        writer = new PrintWriter(stream, true, StandardCharsets.UTF_8); // what the old one held is gone
                        yield null;
                    }
                    case "getOutputStream" -> stream;
                    case "getWriter" -> writer;
                    default -> null;
                });

        String text() {
            writer.flush();
            return body.toString(StandardCharsets.UTF_8);
        }

        JsonNode problem(int expectedStatus, String language) throws Exception {
            assertEquals(expectedStatus, status, this::text);
            assertEquals("application/problem+json; charset=utf-8", headers.get("Content-Type"));
            assertEquals(language, headers.get("Content-Language"));
            assertEquals("no-store", headers.get("Cache-Control"));
            assertFalse(text().contains("<html"), this::text);
            JsonNode problem = JSON.readTree(text());
            assertEquals(expectedStatus, problem.path("status").asInt(), this::text);
            boolean chinese = problem.path("detail").asText().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            assertEquals(language.startsWith("zh"), chinese, this::text);
            return problem;
        }
    }

    private static HttpServletRequest request(String contextPath, String uri, String acceptLanguage) {
        return (HttpServletRequest) Proxy.newProxyInstance(NoServiceAnswerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> contextPath;
                    case "isSecure" -> false;
                    case "getHeader" -> "Accept-Language".equalsIgnoreCase((String) args[0]) ? acceptLanguage : null;
                    default -> null;
                });
    }

    private static Recorded filter(HttpServletRequest request, FilterChain chain) throws Exception {
        Recorded recorded = new Recorded();
        new SecurityHeadersFilter(false).doFilter(request, recorded.response, chain);
        return recorded;
    }

    @Test
    void whileTheApplicationIsBuiltCxfsPageIsA503ProblemInTheCallersLanguage() throws Exception {
        Recorded en = filter(request("/api", "/api/portal/ready", "en-US,en;q=0.9"), CXF_NO_SERVICE);
        JsonNode problem = en.problem(503, "en");
        assertEquals("nosniff", en.headers.get("X-Content-Type-Options"), "the filter's headers again after the reset");
        assertEquals(NoServiceAnswer.CODE, problem.path("code").asText());
        assertEquals(NoServiceAnswer.RETRY_AFTER_SECONDS, en.headers.get("Retry-After"));

        Recorded zh = filter(request("/api", "/api/mutual-aid/claims", null), CXF_NO_SERVICE); // no header: Chinese
        assertEquals(NoServiceAnswer.CODE, zh.problem(503, "zh-CN").path("code").asText());
    }

    @Test
    void whereNoApplicationIsEverServedItIsA404Problem() throws Exception {
        Recorded r = filter(request("/api/unscoped", "/api/unscoped/x", "en"), CXF_NO_SERVICE);
        assertEquals("not_found", r.problem(404, "en").path("code").asText());
        assertNull(r.headers.get("Retry-After"));
    }

    @Test
    void theApplicationsOwnProblemPassesAsWritten() throws Exception {
        byte[] own = "{\"code\":\"claim_not_found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
        Recorded r = filter(request("/api", "/api/mutual-aid/claims/7", "en"), (req, res) -> {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(404);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(own);
        });
        assertEquals(404, r.status);
        assertEquals("{\"code\":\"claim_not_found\",\"status\":404}", r.text());
    }

    @Test
    void downloadsAndTextAnswersGoStraightThrough() throws Exception {
        Recorded download = new Recorded();
        new SecurityHeadersFilter(false).doFilter(request("/api", "/api/mutual-aid/exports/1", "en"), download.response, (req, res) -> {
            res.setContentType("text/csv");
            // the container's own stream, not a buffer of the filter's
            assertSame(download.stream, res.getOutputStream());
            res.getOutputStream().write("a,b\n".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("a,b\n", download.text());

        Recorded text = new Recorded();
        new SecurityHeadersFilter(false).doFilter(request("/api", "/api/x", "en"), text.response, (req, res) -> {
            res.setContentType("text/plain");
            assertSame(text.writer, res.getWriter());
            res.getWriter().write("ok");
        });
        assertEquals(200, text.status);
        assertEquals("ok", text.text());
    }

    @Test
    void anAnswerAlreadyCommittedIsLeftAsItIs() throws Exception {
        Recorded r = new Recorded();
        new SecurityHeadersFilter(false).doFilter(request("/api", "/api/portal/ready", "en"), r.response, (req, res) -> {
            CXF_NO_SERVICE.doFilter(req, res);
            r.committed = true; // sent already: nothing can replace it
        });
        assertEquals(404, r.status);
        assertTrue(r.text().contains("No service was found."), r::text);
    }

    @Test
    void pagesOutsideTheApiAreNotWrapped() throws Exception {
        Recorded r = filter(request("", "/no-such-page", "en"), CXF_NO_SERVICE);
        assertEquals(404, r.status);
        assertTrue(r.text().contains("No service was found."), r::text);
    }
}
