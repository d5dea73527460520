package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@ExtendWith(SharedPortal.class)
class LoginIT {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "admin, PLATFORM_ADMIN",
            "district, DISTRICT_ADMIN",
            "operator, UNION_OPERATOR",
            "member, MEMBER",
            "reviewer, REVIEWER",
            "district2, DISTRICT_ADMIN",
            "operator2, UNION_OPERATOR"})
    void demoUserSignsInWithRole(String username, String role, Distribution portal) {
        Api api = portal.api();
        Api.Reply login = api.login(username, Distribution.PASSWORD).expect(200);
        JsonNode answer = login.json();
        String token = answer.path("token").asText("");
        assertFalse(token.isBlank(), () -> "no token: " + login);
        assertFalse(answer.path("expiresAt").isMissingNode(), () -> "no expiresAt: " + login);
        assertEquals(username, answer.path("user").path("username").asText(), () -> "login user: " + login);

        JsonNode me = api.me(token);
        assertEquals(username, me.path("username").asText(), () -> "me: " + me);
        assertTrue(roles(me).contains(role), () -> username + " should hold " + role + ": " + me);
        assertTrue(me.path("orgPath").asText("").startsWith("/"), () -> "me without an orgPath: " + me);
        assertTrue(me.path("orgId").canConvertToLong() && me.path("orgId").asLong() > 0, () -> "me without orgId: " + me);
    }

    @Test
    void wrongPasswordIs401Problem(Distribution portal) {
        Api.Reply reply = portal.api().login("member", "not-the-password");
        reply.expectProblem(401);
        assertFalse(reply.body().contains("not-the-password"), () -> "the answer echoes the password: " + reply);
    }

    @Test
    void logoutRevokesTheToken(Distribution portal) {
        Api api = portal.api();
        String token = api.login("reviewer");
        api.get("/api/auth/me", token).expect(200);

        Api.Reply logout = api.post("/api/auth/logout", token, null);
        assertTrue(logout.status() == 204 || logout.status() == 200, () -> "logout: " + logout);

        api.get("/api/auth/me", token).expectProblem(401);
        api.get("/api/portal/menu", token).expectProblem(401);
        // Another session of the same user is not touched.
        String other = api.login("reviewer");
        assertNotEquals(token, other);
        api.get("/api/auth/me", other).expect(200);
    }

    @Test
    void fiveFailuresInARowAreFollowedBy429(Distribution portal) {
        Api api = portal.api();
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Reply reply = api.login(username, "wrong-" + i);
            statuses.add(reply.status());
            reply.expectProblem(401);
        }
        Api.Reply blocked = api.login(username, "wrong-again");
        blocked.expectProblem(429);
        String retryAfter = blocked.header("Retry-After").orElse(null);
        assertTrue(retryAfter != null && retryAfter.trim().matches("\\d+") && Integer.parseInt(retryAfter.trim()) > 0,
                () -> "429 without a positive Retry-After (seconds): " + blocked + " headers " + blocked.headers().map());

        // The lock is about that username: other users of the same client still sign in.
        api.login("reviewer");
    }

    private static List<String> roles(JsonNode user) {
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
