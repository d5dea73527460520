package org.unionportal.jetty.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Language;

/**
 * The fragment's jetty.xml applied to a Jetty server built as Pax Web builds it (a context collection as its handler,
 * contexts with a plain ErrorPageErrorHandler added after the start): no answer is Jetty's HTML page, whether no
 * context matches, a context has no servlet for the path, or the parser refuses the request.
 */
class EarlyProblemErrorHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private ContextHandlerCollection contexts;
    private int port;

    @BeforeEach
    void startAsPaxWebDoes() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        XmlConfiguration config = new XmlConfiguration(Resource.newResource(getClass().getResource("/jetty.xml")));
        config.getIdMap().put("Server", server);
        config.configure(server);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void noContextYetIsA404ProblemInTheCallersLanguage() throws Exception {
        JsonNode en = problem(get("/api/portal/ready", Map.of("Accept", "text/html", "Accept-Language", "en")), 404, "en");
        assertEquals("not_found", en.path("code").asText());
        assertTrue(en.path("detail").asText().contains("starting"), en::toString);
        JsonNode zh = problem(get("/api/portal/ready", Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")), 404, "zh-CN");
        assertTrue(zh.path("detail").asText().contains("门户"), zh::toString);
        problem(get("/", Map.of()), 404, "zh-CN"); // no Accept-Language: the portal's default, Chinese
    }

    @Test
    void aContextAddedLaterAnswersProblemJsonWhereItHasNoServlet() throws Exception {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setErrorHandler(new ErrorPageErrorHandler()); // as Pax Web makes every context
        contexts.addHandler(context);
        context.start();
        assertTrue(context.getErrorHandler() instanceof EarlyProblemErrorPageHandler, "the context kept Jetty's HTML error handler");
        problem(get("/api/portal/ready", Map.of("Accept", "text/html,*/*", "Accept-Language", "en-US,en;q=0.9")), 404, "en");
        problem(get("/WEB-INF/web.xml", Map.of("Accept-Language", "en")), 404, "en");
    }

    @Test
    void whatTheParserRefusesIsAProblemToo() throws Exception {
        String answer = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertFalse(answer.toLowerCase().contains("<html"), answer);
        String nul = raw("GET /a%00b HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n");
        assertTrue(nul.startsWith("HTTP/1.1 400"), nul);
        assertFalse(nul.toLowerCase().contains("<html"), nul);
    }

    /** The portal API's own rule (Language, copied into the fragment), weights included. */
    @Test
    void acceptLanguageWeightsDecide() throws Exception {
        problem(get("/x", Map.of("Accept-Language", "zh;q=0.5, en;q=0.9")), 404, "en");
        problem(get("/x", Map.of("Accept-Language", "fr, zh-CN;q=0.8, en;q=0.7")), 404, "zh-CN");
        problem(get("/x", Map.of("Accept-Language", "fr")), 404, "zh-CN");
    }

    @Test
    void everyBodyIsValidJson() throws Exception {
        for (int status : new int[] {400, 404, 405, 414, 431, 500, 503}) {
            for (Language lang : Language.values()) {
                JsonNode body = JSON.readTree(EarlyProblem.json(status, lang));
                assertEquals(status, body.path("status").asInt());
                assertFalse(body.path("code").asText().isEmpty());
                boolean chinese = body.path("detail").asText().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                assertEquals(lang == Language.ZH, chinese, body::toString);
            }
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String language) throws IOException {
        assertEquals(status, response.statusCode(), response::body);
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), () -> type + ": " + response.body());
        assertEquals(language, response.headers().firstValue("Content-Language").orElse(""));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(status, body.path("status").asInt(), response::body);
        return body;
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
