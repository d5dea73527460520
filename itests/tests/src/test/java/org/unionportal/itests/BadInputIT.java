package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad requests get a problem answer a person can act on: never a 500, never a stack trace. */
@ExtendWith(SharedPortal.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private Api api;
    private final List<Api.Reply> replies = new ArrayList<>();

    @BeforeAll
    void portal(Distribution portal) {
        this.api = portal.api();
    }

    private Api.Reply seen(Api.Reply reply) {
        replies.add(reply);
        assertClean(reply);
        return reply;
    }

    private static void assertClean(Api.Reply reply) {
        assertNotEquals(500, reply.status(), () -> "500: " + reply);
        assertFalse(reply.body().contains("Exception"), () -> "an exception name in the answer: " + reply);
        assertFalse(reply.body().contains("at org."), () -> "a stack trace in the answer: " + reply);
        assertFalse(reply.body().contains("at java."), () -> "a stack trace in the answer: " + reply);
    }

    @AfterAll
    void noAnswerOfThisClassLeaksInternals() {
        replies.forEach(BadInputIT::assertClean);
    }

    @Test
    void malformedJsonIs400WithADetail() {
        Api.Reply reply = seen(api.post("/api/auth/login", null, "{\"username\": \"admin\", \"password\": "));
        JsonNode problem = reply.expectProblem(400);
        assertFalse(problem.path("detail").asText("").isBlank(), () -> "400 without a detail: " + reply);
    }

    @Test
    void notJsonAtAllIs400() {
        Api.Reply reply = seen(api.post("/api/auth/login", null, "username=admin&password=demo1234"));
        assertTrue(reply.status() == 400 || reply.status() == 415, () -> "non-JSON body: " + reply);
        reply.assertProblem();
    }

    @Test
    void wrongTypesAre400Or422() {
        Api.Reply reply = seen(api.post("/api/auth/login", null, "{\"username\":123,\"password\":[]}"));
        assertTrue(reply.status() == 400 || reply.status() == 422, () -> "wrong types: " + reply);
        reply.assertProblem();
    }

    @Test
    void emptyBodyIsAClientError() {
        Api.Reply reply = seen(api.send("POST", "/api/auth/login", null, "", Map.of()));
        assertTrue(reply.status() == 400 || reply.status() == 422, () -> "empty body: " + reply);
        reply.assertProblem();
    }

    @Test
    void unknownRouteIs404() {
        String token = api.login("member");
        seen(api.get("/api/nope", token)).expectProblem(404);
        seen(api.get("/api/nope", null));
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        byte[] big = new byte[1024 * 1024 + 4096];
        Arrays.fill(big, (byte) 'a');
        byte[] prefix = "{\"username\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        byte[] suffix = "\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(suffix, 0, big, big.length - suffix.length, suffix.length);
        seen(api.post("/api/auth/login", null, big)).expectProblem(413);
    }

    @Test
    void missingTokenIs401() {
        seen(api.get("/api/auth/me", null)).expectProblem(401);
        seen(api.get("/api/portal/menu", null)).expectProblem(401);
    }

    @Test
    void forgedTokenIs401() {
        seen(api.get("/api/auth/me", "forged-" + "0".repeat(40))).expectProblem(401);
        seen(api.send("GET", "/api/portal/menu", null, null, Map.of("Authorization", "Bearer"))).expectProblem(401);
        // Only bearer tokens sign in to /api: basic credentials (which a browser sends by itself after
        // the web console) are no way in.
        seen(api.send("GET", "/api/portal/menu", null, null, Map.of("Authorization", "Basic YWRtaW46ZGVtbzEyMzQ=")))
                .expectProblem(401);
    }

    @Test
    void numbersAreNeitherDatesNorCodesAndListsHoldNoNull() {
        String admin = api.login("admin");
        JsonNode date = seen(api.post("/api/hardship-aid/standards", admin,
                Map.of("item", "LIVING", "amountFen", 50_000, "effectiveFrom", 20000))).expectProblem(400);
        assertTrue(date.path("detail").asText().contains("effectiveFrom"), date::toString);
        String operator = api.login("operator");
        seen(api.post("/api/mutual-aid/claims", operator, Map.of("enrolmentId", 1, "eventType", 0))).expectProblem(400);
        JsonNode nullCause = seen(api.post("/api/hardship-aid/households", operator,
                "{\"causes\":[null]}")).expectProblem(400);
        assertTrue(nullCause.path("detail").asText().contains("causes[0]"), nullCause::toString);
        seen(api.post("/api/hardship-aid/standards", admin,
                "{\"item\":\"LIVING\",\"amountFen\":99999999999999999999,\"effectiveFrom\":\"2030-01-01\"}")).expectProblem(400);
    }

    @Test
    void aControlCharacterInAnyJsonStringIsA422NamingTheFieldBeforeAnyWrite() {
        String operator = api.login("operator");
        long households = api.get("/api/hardship-aid/households?size=1", operator).expect(200).json().path("total").asLong();
        Api.Reply en = seen(api.send("POST", "/api/hardship-aid/households", operator, "{\"causes\":[\"病\\u0000\"]}",
                Map.of("Accept-Language", "en")));
        JsonNode problem = en.expectProblem(422);
        assertEquals("causes[0]", problem.path("errors").get(0).path("field").asText(), problem::toString);
        assertEquals("character_not_allowed", problem.path("errors").get(0).path("code").asText(), problem::toString);
        assertTrue(problem.path("errors").get(0).path("message").asText().contains("NUL"), problem::toString);
        JsonNode zh = seen(api.send("POST", "/api/auth/login", null, "{\"username\":\"ad\\u0001min\",\"password\":\"x\"}",
                Map.of("Accept-Language", "zh-CN"))).expectProblem(422);
        assertEquals("username", zh.path("errors").get(0).path("field").asText(), zh::toString);
        assertTrue(zh.path("errors").get(0).path("message").asText().contains("控制字符"), zh::toString);
        assertEquals(households, api.get("/api/hardship-aid/households?size=1", operator).expect(200).json().path("total").asLong());
    }

    @Test
    void hostilePathsGetProblemJsonNotJettysPages() throws Exception {
        seen(api.get("/api/portal/health", null));   // Jetty's own error handler is replaced from the first request on
        // refused on the request line, before Jetty reads Accept-Language: the default language, Chinese
        assertRawProblem("GET /a%00b HTTP/1.1", 400, "zh-CN");
        assertRawProblem("GET /" + "a".repeat(20_000) + " HTTP/1.1", 414, "zh-CN");
        // refused once the headers are read: the caller's language
        assertRawProblem("GET /api/..;/auth/me HTTP/1.1", 400, "en");
        assertRawProblem("GET /WEB-INF/web.xml HTTP/1.1", 404, "en");
    }

    /** The request line sent as it is answers a problem in {@code language} (Content-Language). */
    private void assertRawProblem(String requestLine, int status, String language) throws Exception {
        String answer = api.expectRawProblem(requestLine, status);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-language: " + language.toLowerCase(java.util.Locale.ROOT)),
                () -> requestLine.substring(0, Math.min(60, requestLine.length())) + " answered not in " + language + ": " + answer);
    }

    @Test
    void personalAnswersAreNeitherStoredNorSniffedAndPagesHaveAStrictPolicy() {
        Api.Reply me = seen(api.get("/api/auth/me", api.login("member"))).expect(200);
        assertEquals("no-store", me.header("Cache-Control").orElse(""), me::toString);
        assertEquals("nosniff", me.header("X-Content-Type-Options").orElse(""), me::toString);
        Api.Reply problem = seen(api.get("/api/nope", null));
        assertEquals("nosniff", problem.header("X-Content-Type-Options").orElse(""), problem::toString);
        Api.Reply page = api.get("/", null).expect(200);
        String policy = page.header("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(me.header("Strict-Transport-Security").isPresent(), "HSTS over plain HTTP: " + me);
    }

    @Test
    void loginWithoutPasswordIsAClientError() {
        // A login without a password is the client's mistake, not a server error.
        Api.Reply reply = seen(api.post("/api/auth/login", null, Map.of("username", "admin")));
        assertTrue(reply.status() == 400 || reply.status() == 401 || reply.status() == 422,
                () -> "login without password: " + reply);
        reply.assertProblem();
    }
}
