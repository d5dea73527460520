package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
        Api.Reply reply = portal.api().get("/", null);
        assertEquals(200, reply.status(), () -> "GET / " + reply);
        assertTrue(reply.contentType().startsWith("text/html"), () -> "the shell is not HTML: " + reply);
        assertTrue(reply.body().contains("login-form") || reply.body().contains("<script"),
                () -> "the shell page has neither a login form nor a script: " + reply);
    }
}
