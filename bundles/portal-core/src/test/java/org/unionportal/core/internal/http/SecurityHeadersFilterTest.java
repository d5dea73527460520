package org.unionportal.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** Every answer gets nosniff and the strict policy, /api answers no-store, and HSTS only over TLS. */
class SecurityHeadersFilterTest {

    private HttpServletRequest request(String uri, boolean secure, String forwardedProto) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "isSecure" -> secure;
                    case "getHeader" -> "X-Forwarded-Proto".equalsIgnoreCase((String) args[0]) ? forwardedProto : null;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    private static Map<String, String> headersOf(SecurityHeadersFilter filter, HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        filter.apply(request, response);
        return headers;
    }

    @Test
    void apiAnswersAreNeverStoredNorSniffed() {
        Map<String, String> h = headersOf(new SecurityHeadersFilter(false), request("/api/mutual-aid/claims/7", false, null));
        assertEquals("no-store", h.get("Cache-Control"));
        assertEquals("nosniff", h.get("X-Content-Type-Options"));
        assertEquals(SecurityHeadersFilter.CSP, h.get("Content-Security-Policy"));
        assertNull(h.get("Strict-Transport-Security"));
    }

    @Test
    void pagesAndScriptsKeepTheirOwnCachingButGetThePolicy() {
        Map<String, String> h = headersOf(new SecurityHeadersFilter(false), request("/js/app.js", false, null));
        assertNull(h.get("Cache-Control"));
        assertEquals("nosniff", h.get("X-Content-Type-Options"));
        assertFalse(h.get("Content-Security-Policy").contains("unsafe-inline"));
        assertTrue(h.get("Content-Security-Policy").contains("script-src 'self'"));
    }

    @Test
    void theWebConsoleKeepsItsInlineScripts() {
        Map<String, String> h = headersOf(new SecurityHeadersFilter(false), request("/system/console/bundles", false, null));
        assertNull(h.get("Content-Security-Policy"));
        assertEquals("nosniff", h.get("X-Content-Type-Options"));
    }

    @Test
    void hstsAndTheSecureMarkOnlyOverTls() {
        HttpServletRequest tls = request("/api/auth/login", true, null);
        assertEquals(SecurityHeadersFilter.HSTS, headersOf(new SecurityHeadersFilter(false), tls).get("Strict-Transport-Security"));
        assertTrue(SecurityHeadersFilter.isSecure(tls));
        assertFalse(SecurityHeadersFilter.isSecure(request("/api/auth/login", false, null)));
    }

    @Test
    void aForwardedProtoCountsOnlyFromATrustedProxy() {
        HttpServletRequest claimed = request("/api/auth/login", false, "https");
        assertNull(headersOf(new SecurityHeadersFilter(false), claimed).get("Strict-Transport-Security"));
        assertFalse(SecurityHeadersFilter.isSecure(claimed));
        HttpServletRequest proxied = request("/api/auth/login", false, "https, http");
        assertEquals(SecurityHeadersFilter.HSTS, headersOf(new SecurityHeadersFilter(true), proxied).get("Strict-Transport-Security"));
        assertTrue(SecurityHeadersFilter.isSecure(proxied));
        assertNull(headersOf(new SecurityHeadersFilter(true), request("/api/x", false, "http")).get("Strict-Transport-Security"));
    }

    @Test
    void onlyCharsetsJavaCanDecodeAreLetThrough() {
        assertTrue(SecurityHeadersFilter.charsetKnown(null));
        assertTrue(SecurityHeadersFilter.charsetKnown("UTF-8"));
        assertTrue(SecurityHeadersFilter.charsetKnown("gb18030"));
        assertFalse(SecurityHeadersFilter.charsetKnown("x-no-such-charset"));
        assertFalse(SecurityHeadersFilter.charsetKnown("ut f;8"));
    }
}
