package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After an administrator resets a password, the API itself (not only the page) refuses work until the user chooses a
 * new one: sign-out, who-am-I and the change itself stay open.
 */
@ExtendWith(SharedPortal.class)
class PasswordChangeRequiredIT {
    private static final String USER = "operator2";

    @Test
    void aResetUserMayOnlySeeThemselvesSignOutAndChangeThePassword(Distribution portal) {
        Api api = portal.api();
        String temporary = "Temp-reset-" + System.nanoTime() % 100_000;
        String chosen = "Autumn-leaf-" + System.nanoTime() % 100_000;
        String current = Distribution.PASSWORD;
        try {
            String admin = api.login("admin");
            long id = userId(api, admin, USER);
            api.post("/api/accounts/users/" + id + "/password-reset", admin, Map.of("password", temporary)).expect(204);
            current = temporary;

            Api.Reply login = api.login(USER, temporary).expect(200);
            assertTrue(login.json().path("user").path("mustChangePassword").asBoolean(false), () -> "login: " + login);
            String token = login.json().path("token").asText();

            JsonNode me = api.me(token);
            assertTrue(me.path("mustChangePassword").asBoolean(false), () -> "me: " + me);
            for (String path : new String[] {"/api/portal/menu", "/api/home", "/api/notices", "/api/mutual-aid/claims"}) {
                refused(api, token, "GET", path, null);
            }
            refused(api, token, "POST", "/api/notices", Map.of("title", "x", "body", "y"));

            // A second session of the same user is refused as well, and may sign out.
            String second = api.login(USER, temporary).expect(200).json().path("token").asText();
            refused(api, second, "GET", "/api/portal/modules", null);
            int out = api.post("/api/auth/logout", second, null).status();
            assertTrue(out == 204 || out == 200, "logout before the change: " + out);

            api.post("/api/accounts/password", token, Map.of("currentPassword", temporary, "newPassword", chosen)).expect(204);
            current = chosen;
            assertFalse(api.me(token).path("mustChangePassword").asBoolean(true), "still must change after the change");
            api.get("/api/portal/menu", token).expect(200);
            api.get("/api/home", token).expect(200);
        } finally {
            if (!Distribution.PASSWORD.equals(current)) {
                String token = api.login(USER, current).expect(200).json().path("token").asText();
                api.post("/api/accounts/password", token,
                        Map.of("currentPassword", current, "newPassword", Distribution.PASSWORD)).expect(204);
            }
        }
    }

    private static void refused(Api api, String token, String method, String path, Object body) {
        for (String language : new String[] {"zh-CN", "en"}) {
            Api.Reply reply = api.send(method, path, token, body, Map.of("Accept-Language", language));
            JsonNode problem = reply.expectProblem(403);
            assertEquals("password_change_required", problem.path("code").asText(), () -> method + " " + path + ": " + reply);
            String text = problem.path("detail").asText("") + problem.path("title").asText("");
            if (language.equals("en")) {
                assertFalse(text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                        () -> "Chinese on the English answer: " + reply);
                assertTrue(text.contains("new one"), () -> "no English explanation: " + reply);
            } else {
                assertTrue(text.contains("新密码"), () -> "no Chinese explanation: " + reply);
                assertFalse(text.matches("(?s).*[A-Za-z]{3,}.*"), () -> "English on the Chinese answer: " + reply);
            }
        }
    }

    private static long userId(Api api, String admin, String username) {
        JsonNode users = api.get("/api/portal/users", admin).expect(200).json();
        for (JsonNode u : users.isArray() ? users : users.path("items")) {
            if (username.equals(u.path("username").asText())) {
                return u.path("id").asLong();
            }
        }
        throw new AssertionError("no user " + username + " in " + users);
    }
}
