package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed addresses get problem+json, not Jetty's HTML page, even as the very first requests of a freshly
 * started portal: the portal puts its error handler into Jetty when its filter starts, not on the first request
 * through it. Nothing is sent before the log says the handler is in, so no earlier request can have installed it.
 * Its own distribution; the Derby pass only (the database plays no part).
 */
class FirstRequestIT {
    private static final String INSTALLED = "Jetty's error answers are problem+json from now on";
    private static Distribution portal;

    @BeforeAll
    static void launchWithoutARequest() {
        Assumptions.assumeTrue(System.getProperty("itests.postgresql", "").isBlank(), "the Derby pass only");
        portal = Distribution.create("first-request");
        portal.launch();
        Path log = portal.home().resolve("data/log/karaf.log");
        Await.until("the portal's error handler in Jetty (" + log + ")", Duration.ofSeconds(Long.getLong("itests.startTimeoutSeconds", 120)),
                () -> {
                    assertTrue(portal.isRunning(), () -> "karaf ended\n" + portal.diagnostics());
                    return read(log).contains(INSTALLED);
                });
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void malformedAddressesAreProblemsFromTheFirstRequestOn() throws Exception {
        for (Object[] c : List.of(new Object[] {"GET /% HTTP/1.1", 400}, new Object[] {"GET /a%00b HTTP/1.1", 400},
                new Object[] {"GET /WEB-INF/x HTTP/1.1", 404}, new Object[] {"GET /" + "a".repeat(20_000) + " HTTP/1.1", 414})) {
            assertRawProblem((String) c[0], (Integer) c[1]);
        }
    }

    /** Sends the request line as it is (an HTTP client would clean it up) and checks the answer is a problem. */
    private static void assertRawProblem(String requestLine, int status) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", portal.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String shown = requestLine.length() > 60 ? requestLine.substring(0, 60) + "…" : requestLine;
            assertTrue(answer.startsWith("HTTP/1.1 " + status), () -> shown + " answered " + answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                    () -> shown + " answered " + answer);
            assertFalse(answer.contains("<html") || answer.contains("<h1>"), () -> shown + " answered HTML: " + answer);
            assertFalse(answer.contains("Exception"), () -> shown + " answered " + answer);
        }
    }
}
