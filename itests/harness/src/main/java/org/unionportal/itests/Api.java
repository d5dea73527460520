package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP helper for the portal: bearer tokens, JSON bodies, problem answers. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;

    Api(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI base() {
        return base;
    }

    /** One answer. */
    public record Reply(String method, String path, int status, HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().toLowerCase().startsWith("application/problem+json");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }

        /** Asserts the status and hands back this reply. */
        public Reply expect(int expected) {
            assertEquals(expected, status, () -> "Unexpected status of " + this);
            return this;
        }

        /** Asserts a problem answer ({@code application/problem+json}) with this status. */
        public JsonNode expectProblem(int expected) {
            expect(expected);
            assertProblem();
            return json();
        }

        /**
         * 503 problem+json with Retry-After, its detail in {@code language} only ("zh…" Chinese, else English): nothing
         * wrong with the request, send it again later (a database down, a full disk).
         */
        public JsonNode expectUnavailable(String language) {
            JsonNode problem = expectProblem(503);
            assertTrue(header("Retry-After").isPresent(), () -> "no Retry-After: " + this);
            String detail = problem.path("detail").asText();
            boolean chinese = detail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            assertEquals(language.startsWith("zh"), chinese, () -> "not in " + language + " only: " + this);
            return problem;
        }

        public JsonNode assertProblem() {
            if (!isProblem()) {
                throw new AssertionError("Expected Content-Type application/problem+json: " + this);
            }
            JsonNode problem = json();
            assertEquals(status, problem.path("status").asInt(status), () -> "problem status differs: " + this);
            assertFalse(problem.path("title").asText("").isBlank(), () -> "problem without title: " + this);
            return problem;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " [" + contentType() + "] "
                    + Distribution.abbreviate(body, 2000);
        }
    }

    // ---------------------------------------------------------------------------------- auth

    public Reply login(String username, String password) {
        return post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    /** Signs a demo user in (password demo1234) and hands back the bearer token. */
    public String login(String username) {
        Reply reply = login(username, Distribution.PASSWORD);
        reply.expect(200);
        String token = reply.json().path("token").asText(null);
        assertNotNull(token, () -> "login answer without token: " + reply);
        return token;
    }

    /** {@code /api/auth/me}'s user object. */
    public JsonNode me(String token) {
        Reply reply = get("/api/auth/me", token).expect(200);
        JsonNode me = reply.json();
        return me.has("user") ? me.get("user") : me;
    }

    /** Every menu entry id the user sees. */
    public List<String> menuEntryIds(String token) {
        Reply reply = get("/api/portal/menu", token).expect(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode group : reply.json().path("groups")) {
            for (JsonNode entry : group.path("entries")) {
                ids.add(entry.path("id").asText());
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------------------------- verbs

    public Reply get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Reply put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /**
     * Sends a request. {@code body} is sent as JSON: a {@code String} or {@code byte[]} as it is, anything
     * else through Jackson.
     */
    public Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
        byte[] bytes = null;
        if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else if (body != null) {
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (bytes != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        return send(request.build(), method, path);
    }

    /** A request with HTTP basic authentication (the web console). */
    public Reply basic(String method, String path, String user, String password, String formBody,
                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(method, HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        headers.forEach(request::setHeader);
        return send(request.build(), method, path);
    }

    /**
     * Sends {@code requestLine} as it is, over a socket (an HTTP client would clean up a malformed address: a NUL, an
     * ambiguous encoding, an over-long path), with {@code Accept-Language: en}; the whole answer, headers included.
     */
    public static String raw(URI base, String requestLine, String accept) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nAccept-Language: en\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * {@link #raw} answered {@code status} with a problem+json body: no HTML, no Java internals. The whole answer, for
     * further checks.
     */
    public String expectRawProblem(String requestLine, int status) throws IOException {
        String answer = raw(base, requestLine, "*/*");
        String shown = requestLine.length() > 60 ? requestLine.substring(0, 60) + "…" : requestLine;
        assertTrue(answer.startsWith("HTTP/1.1 " + status), () -> shown + " answered " + answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                () -> shown + " answered " + answer);
        assertFalse(answer.contains("<html") || answer.contains("<h1>"), () -> shown + " answered HTML: " + answer);
        assertFalse(answer.contains("Exception"), () -> shown + " answered " + answer);
        return answer;
    }

    /**
     * The portal's answer (503 problem+json) while the JAX-RS whiteboard rebuilds the portal application (it does when
     * resources come or go, e.g. while a module's bundle starts): for a moment no application serves /api at all.
     */
    public static final String RELOADING_CODE = "api_reloading";
    private static final Duration APPLICATION_REBUILD = Duration.ofSeconds(15);

    public Reply send(HttpRequest request, String method, String path) {
        try {
            long deadline = System.nanoTime() + APPLICATION_REBUILD.toNanos();
            while (true) {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                String body = new String(response.body(), StandardCharsets.UTF_8);
                boolean rebuilding = response.statusCode() == 503 && body.contains("\"code\":\"" + RELOADING_CODE + "\"");
                if (!rebuilding || System.nanoTime() > deadline) {
                    return new Reply(method, path, response.statusCode(), response.headers(), body);
                }
                Thread.sleep(200); // polling until the application is back, as Await does
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
