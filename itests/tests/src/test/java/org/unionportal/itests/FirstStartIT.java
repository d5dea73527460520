package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real (non-demo) first start: no shipped password works, the generated administrator password
 * is printed once and works, also for the SSH console; and the modules named in the one config
 * line are installed at start. While it starts, nothing answers with Jetty's HTML error page (requests sent as a
 * browser sends them, malformed addresses included, from before Jetty listens until the portal is healthy), and once
 * started malformed addresses are problems (this replaces FirstRequestIT, which started a distribution of its own).
 */
class FirstStartIT {
    private static final Pattern GENERATED = Pattern.compile("generated password (\\S+) \\.");
    /** Request lines an HTTP client would not send as they are, and Jetty's status for each. */
    private static final Map<String, Integer> MALFORMED = Map.of("GET /% HTTP/1.1", 400, "GET /a%00b HTTP/1.1", 400,
            "GET /WEB-INF/x HTTP/1.1", 404, "GET /" + "a".repeat(20_000) + " HTTP/1.1", 414);
    private static Distribution portal;
    private static List<StartupProbe.Answer> duringStart;
    /** CXF's own 404 body (HTML) where no JAX-RS application serves /api (NoServiceAnswer answers a problem instead). */
    private static final String CXF_NO_SERVICE = "No service was found.";

    @BeforeAll
    static void boot() throws Exception {
        portal = Distribution.create("first-start").demo(false);
        // The district's choice of modules: one line.
        Distribution.setProperty(portal.home().resolve("etc/org.unionportal.modules.cfg"), "install",
                Distribution.FIXTURE_FEATURE);
        // a path the core serves, one nothing serves, the page, a hidden folder, and what Jetty's parser refuses: each
        // passes through Jetty's error handling at some point
        try (StartupProbe probe = StartupProbe.polling(portal, List.of("/api/portal/ready", "/api/no-such-thing", "/", "/WEB-INF/x"),
                MALFORMED.keySet().stream().toList())) {
            portal.start();
            duringStart = probe.answers();
        }
    }

    @AfterAll
    static void shutDown() {
        if (portal != null) {
            portal.stop();
        }
    }

    private static String generatedPassword() {
        Matcher m = GENERATED.matcher(portal.consoleOutput());
        assertTrue(m.find(), () -> "no generated admin password on the console:\n" + portal.consoleOutput());
        return m.group(1);
    }

    /**
     * Jetty listens seconds before the core's error handling is registered; until then its own error page answered,
     * HTML with Jetty's name. Pax Web's Jetty bundle now carries the portal's fragment (portal-jetty-errors), whose
     * jetty.xml makes those answers problem+json from the first request. And while the whiteboard builds the portal
     * application, CXF's own HTML 404 ("No service was found.") is the core's 503 problem ({@code api_reloading}).
     */
    @Test
    void everyErrorAnswerWhileItStartsIsAProblem() {
        List<StartupProbe.Answer> errors = duringStart.stream().filter(StartupProbe.Answer::isError).toList();
        assertTrue(!errors.isEmpty(), () -> "no error answer seen while the portal started (the probe came too late?): " + duringStart);
        List<StartupProbe.Answer> html = errors.stream()
                .filter(a -> a.looksLikeHtml() || a.bodyStart().contains(CXF_NO_SERVICE)).toList();
        assertTrue(html.isEmpty(), () -> html.size() + " of " + errors.size() + " error answers while starting were HTML: " + html);
        List<StartupProbe.Answer> notProblems = errors.stream()
                .filter(a -> !a.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")).toList();
        assertTrue(notProblems.isEmpty(), () -> notProblems.size() + " of " + errors.size()
                + " error answers while starting were not problem+json: " + notProblems);
        long reloading = errors.stream().filter(a -> a.bodyStart().contains("\"" + Api.RELOADING_CODE + "\"")).count();
        System.out.println("[FirstStartIT] while starting: " + errors.size() + " error answers (" + reloading + " of them "
                + Api.RELOADING_CODE + "), statuses " + errors.stream().map(a -> a.status() + " " + a.contentType()).distinct().toList());
    }

    /**
     * Once started, an /api address nothing serves is a 404 problem in the caller's language: in the application
     * (JAX-RS' own 404) and under the whiteboard's default application, which serves nothing (CXF's page before).
     */
    @Test
    void unservedApiAddressesAre404Problems() {
        for (String path : List.of("/api/no-such-thing", "/api/unscoped/x")) {
            Api.Reply reply = portal.api().send("GET", path, null, null, Map.of("Accept-Language", "en"));
            reply.expectProblem(404);
            assertTrue(reply.body().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    () -> "not in English only: " + reply);
        }
    }

    /** Once started, the same malformed addresses are problems too (the core's own handler by now). */
    @Test
    void malformedAddressesAreProblems() throws Exception {
        for (Map.Entry<String, Integer> c : MALFORMED.entrySet()) {
            portal.api().expectRawProblem(c.getKey(), c.getValue());
        }
    }

    @Test
    void noShippedPasswordWorks() {
        for (String user : List.of("admin", "district", "operator", "member", "reviewer")) {
            portal.api().login(user, Distribution.PASSWORD).expectProblem(401);
        }
        // SSH is up (the real password works), so a refusal below is a refusal, not a console still starting.
        Distribution.ShellResult up = portal.shellResult("feature:list", "admin", generatedPassword(), 10);
        assertTrue(up.ok(), () -> "the SSH console did not accept the generated password: " + up);
        Distribution.ShellResult ssh = portal.shellResult("feature:list", "admin", Distribution.PASSWORD, 1);
        assertTrue(!ssh.ok(), () -> "the SSH console accepted admin/" + Distribution.PASSWORD + ": " + ssh);
    }

    @Test
    void theGeneratedPasswordIsPrintedOnceAndWorks() {
        String password = generatedPassword();
        assertTrue(password.length() >= 12, "generated password too short: " + password);
        String token = portal.api().login("admin", password).expect(200).json().path("token").asText();
        JsonNode me = portal.api().me(token);
        assertEquals("PLATFORM_ADMIN", me.path("roles").path(0).asText(), () -> "me: " + me);
        Distribution.ShellResult ssh = portal.shellResult("feature:list", "admin", password, 5);
        assertTrue(ssh.ok(), () -> "the SSH console refused the generated admin password: " + ssh);
        Matcher all = GENERATED.matcher(portal.consoleOutput());
        int printed = 0;
        while (all.find()) {
            printed++;
        }
        assertEquals(1, printed, "the generated password must be printed exactly once");
    }

    @Test
    void modulesNamedInTheConfigAreInstalledAtStart() {
        String token = portal.api().login("admin", generatedPassword()).expect(200).json().path("token").asText();
        Await.until("the fixture module to be installed from etc/org.unionportal.modules.cfg",
                java.time.Duration.ofSeconds(60),
                () -> portal.api().get("/api/portal/modules", token).expect(200).json(),
                modules -> StreamSupport.stream(modules.spliterator(), false)
                        .anyMatch(m -> "fixture".equals(m.path("id").asText())));
        // The module is listed once its bundle is installed; its API follows when its components are up.
        Await.until("the fixture module's API to answer", java.time.Duration.ofSeconds(30),
                () -> portal.api().get("/api/fixture/items", token), r -> r.status() == 200);
    }
}
