package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedPortal.class)
class HealthIT {

    @Test
    void healthIsUpAfterStart(Distribution portal) {
        Api.Reply reply = portal.api().get("/api/portal/health", null).expect(200);
        assertTrue(reply.contentType().startsWith("application/json"), () -> "health is not JSON: " + reply);
        JsonNode health = reply.json();
        assertEquals("UP", health.path("status").asText(), () -> "health: " + reply);
        assertTrue(health.path("modules").isInt() && health.path("modules").asInt() >= 0,
                () -> "health without a module count: " + reply);
    }

    @Test
    void webShellIsServed(Distribution portal) {
        Api api = portal.api();
        Api.Reply reply = api.get("/", null);
        assertEquals(200, reply.status(), () -> "GET / " + reply);
        assertTrue(reply.contentType().startsWith("text/html"), () -> "the shell is not HTML: " + reply);
        String page = reply.body();
        // the portal's own shell, not just any page with a script: its title, its mount point and its application
        assertTrue(page.contains("<title>工会服务门户</title>"), () -> "not the portal's shell: " + page);
        assertTrue(page.contains("<div id=\"app\">"), () -> "the shell has no mount point for the application: " + page);
        assertTrue(reply.header("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                () -> "the shell is served without its Content-Security-Policy: " + reply.headers().map());
        // and what it loads is there
        Matcher assets = Pattern.compile("(?:src|href)=\"(/(?:js|css)/[^\"]+)\"").matcher(page);
        int found = 0;
        while (assets.find()) {
            String path = assets.group(1);
            Api.Reply asset = api.get(path, null);
            assertEquals(200, asset.status(), () -> "the shell loads " + path + ": " + asset);
            String expected = path.endsWith(".js") ? "javascript" : "text/css";
            assertTrue(asset.contentType().contains(expected), () -> path + " is served as " + asset.contentType());
            assertTrue(asset.body().length() > 100, () -> path + " is (nearly) empty: " + asset.body());
            found++;
        }
        assertEquals(2, found, () -> "the shell should load /js/app.js and /css/portal.css: " + page);
    }
}
