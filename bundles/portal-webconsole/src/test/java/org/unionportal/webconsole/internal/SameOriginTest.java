package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void sameHostAndPortIsAllowed() {
        assertTrue(SameOrigin.allowed("localhost:8181", "http://localhost:8181", null));
        assertTrue(SameOrigin.allowed("LocalHost:8181", "http://localhost:8181", "http://evil.example/"));
        assertTrue(SameOrigin.allowed("localhost:8181", null, "http://localhost:8181/system/console/union-modules"));
        assertTrue(SameOrigin.allowed("portal.example", "https://portal.example:443", null));
        assertTrue(SameOrigin.allowed("portal.example:80", "http://portal.example", null));
        assertTrue(SameOrigin.allowed("[::1]:8181", "http://[::1]:8181", null));
    }

    @Test
    void otherOriginsAreRefused() {
        assertFalse(SameOrigin.allowed("localhost:8181", "http://evil.example", null));
        assertFalse(SameOrigin.allowed("localhost:8181", "http://localhost:8182", null));
        assertFalse(SameOrigin.allowed("localhost:8181", "null", null));
        assertFalse(SameOrigin.allowed("localhost:8181", null, "http://evil.example/localhost:8181"));
        assertFalse(SameOrigin.allowed("localhost:8181", null, "http://localhost:8181.evil.example/"));
        assertFalse(SameOrigin.allowed("localhost:8181", "file:///tmp/x.html", null));
        assertFalse(SameOrigin.allowed(null, "http://localhost:8181", null));
        assertFalse(SameOrigin.allowed("localhost:8181@evil.example", "http://evil.example", null));
        // the Origin wins over a matching Referer
        assertFalse(SameOrigin.allowed("localhost:8181", "http://evil.example", "http://localhost:8181/"));
    }

    @Test
    void requestsWithoutOriginOrRefererComeFromNonBrowserClients() {
        assertTrue(SameOrigin.allowed("localhost:8181", null, null));
        assertTrue(SameOrigin.allowed("localhost:8181", " ", ""));
    }
}
