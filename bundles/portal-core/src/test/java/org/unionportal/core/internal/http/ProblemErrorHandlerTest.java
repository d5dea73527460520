package org.unionportal.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the portal's Jetty (9.4, as Pax Web 8 ships it) refuses itself, answered by {@link ProblemErrorHandler} on a
 * real server: in the caller's language wherever Jetty has read the headers, in the default language (Chinese)
 * where it refuses the request line before any header is read.
 */
class ProblemErrorHandlerTest {
    private static Server server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        // the strict URI compliance the portal's Jetty runs with: ambiguous paths refused (400)
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration(), HttpCompliance.RFC7230));
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response) {
                base.setHandled(true);
                response.setStatus(204);
            }
        });
        server.setErrorHandler(new ProblemErrorHandler());
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void aNulInThePathIsRefusedOnTheRequestLineSoInTheDefaultLanguage() throws IOException {
        String answer = raw("GET /a%00b HTTP/1.1", "en");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertProblemIn("zh-CN", answer);
        assertTrue(answer.contains("\"code\":\"request_malformed\""), answer);
    }

    @Test
    void aUriTooLongIsRefusedOnTheRequestLineSoInTheDefaultLanguage() throws IOException {
        String answer = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1", "en");
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertProblemIn("zh-CN", answer);
    }

    @Test
    void anAmbiguousPathIsRefusedAfterTheHeadersSoInTheCallersLanguage() throws IOException {
        for (String language : new String[] {"en", "zh-CN"}) {
            String answer = raw("GET /api/..;/auth/me HTTP/1.1", language);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertProblemIn(language, answer);
        }
    }

    @Test
    void headersTooLargeAreAnsweredInTheCallersLanguage() throws IOException {
        String answer = raw("GET / HTTP/1.1", "en", "X-Big: " + "b".repeat(20_000));
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertProblemIn("en", answer);
    }

    private static void assertProblemIn(String language, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("content-type: application/problem+json"), answer);
        assertTrue(lower.contains("content-language: " + language.toLowerCase(Locale.ROOT)), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n"));
        boolean chinese = body.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        assertEquals(language.startsWith("zh"), chinese, answer);
    }

    private static String raw(String requestLine, String language, String... more) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nAccept-Language: ").append(language);
            for (String header : more) {
                request.append("\r\n").append(header);
            }
            request.append("\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
