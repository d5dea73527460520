package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database unreachable: a portal on a PostgreSQL server of this test's own (stopping CI's shared server would
 * break every other portal) answers readiness 503 and its endpoints 503 problem+json while the server is stopped,
 * and serves again without a restart once it is back; and a portal started while the server is down answers 503
 * problem+json until the server is started, then comes up in the same process (migrations, core, modules), without a
 * restart. Runs only in the PostgreSQL pass ({@code -Ditests.postgresql=}), with the server binaries .ci/run uses.
 */
class DatabaseDownIT {
    private static final String MODULE_PROBE = "/api/mutual-aid/plans";
    private static OwnPostgresqlServer server;
    private static Distribution portal;

    @BeforeAll
    static void portalOnItsOwnServer() throws Exception {
        Assumptions.assumeFalse(System.getProperty("itests.postgresql", "").isBlank(),
                "the PostgreSQL pass only: embedded Derby runs inside the portal and cannot be stopped apart from it");
        server = OwnPostgresqlServer.startNew();
        portal = server.newPortal("database-down");
        portal.start();
        portal.awaitShippedModules();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (server != null) {
            server.close(); // the portal first
        }
    }

    @Test
    void theDatabaseDownIs503AndThePortalRecoversWithoutARestart() throws Exception {
        Api api = portal.api();
        String admin = api.login("admin");
        api.get("/api/portal/ready", null).expect(200);
        api.get("/api/portal/organisations", admin).expect(200);

        server.stop();

        JsonNode notReady = Await.until("readiness 503 with the database stopped", Duration.ofSeconds(120),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 503).json();
        assertEquals("DOWN", notReady.path("database").asText(), notReady::toString);
        // the token check and the read both need the database: a 503 problem in the caller's language, never a 500
        Api.Reply down = Await.until("an endpoint to answer 503", Duration.ofSeconds(120),
                () -> api.send("GET", "/api/portal/organisations", admin, null, Map.of("Accept-Language", "en")),
                r -> r.status() != 200);
        assertEquals(503, down.status(), down::toString);
        JsonNode problem = down.assertProblem();
        assertEquals("database_unavailable", problem.path("code").asText(), problem::toString);
        assertTrue(down.header("Retry-After").isPresent(), "no Retry-After");
        assertTrue(problem.path("detail").asText().contains("database"), problem::toString);

        server.start();

        Await.until("readiness 200 once the database is back", Duration.ofSeconds(120),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        api.get("/api/portal/organisations", admin).expect(200); // the same session: nothing was lost
        api.get(MODULE_PROBE, admin).expect(200);
        assertTrue(portal.isRunning(), "the portal was restarted");

        startedWhileTheDatabaseIsDown(api, admin);
    }

    /**
     * Started with the server down, the pool is created without a connection (hikari.initializationFailTimeout = -1)
     * and the persistence extender waits for the database, so nothing that needs it comes yet: start-up settles
     * without it (the application gate gives up on components whose reference nobody is starting, not after its
     * longest wait), and the API, readiness and health included, answers 503 database_unavailable in the caller's
     * language. Once the server is started, the extender migrates and publishes the schemas and the core, the modules
     * and the application come up in the same process: readiness 200, a module's endpoint 200, the session kept.
     */
    private static void startedWhileTheDatabaseIsDown(Api api, String admin) throws Exception {
        portal.stop();
        server.stop();
        long mark = portal.logMark();
        portal.launch();
        Api.Reply down = Await.until("the API to answer 503 database_unavailable after a start with the database down",
                Duration.ofSeconds(Long.getLong("itests.startTimeoutSeconds", 120)),
                () -> api.send("GET", "/api/portal/ready", null, null, Map.of("Accept-Language", "en")),
                r -> r.status() == 503 && r.body().contains("database_unavailable"));
        assertUnavailable(down, "en");
        assertUnavailable(api.send("GET", MODULE_PROBE, admin, null, Map.of("Accept-Language", "zh-CN")), "zh");
        assertUnavailable(api.send("GET", "/api/portal/health", null, null, Map.of("Accept-Language", "zh-CN")), "zh");
        // said once the pool gives up its first wait (hikari.connectionTimeout, 10 s)
        Await.until("the persistence extender to log that it waits for the database", Duration.ofSeconds(60),
                () -> portal.logSince(mark).contains("The portal database does not answer"));
        String since = portal.logSince(mark);
        assertTrue(since.contains("Serving the portal application without waiting for"), "the gate did not give up on its own");
        assertTrue(!since.contains("Serving the portal application after"), "the gate waited its longest wait");
        long jvm = portal.jvm().pid();

        server.start();

        Await.until("readiness 200 once the database answers, without a restart", Duration.ofSeconds(180),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        Await.until("the module's endpoint to answer 200", Duration.ofSeconds(60),
                () -> api.get(MODULE_PROBE, admin), r -> r.status() == 200); // the session from before the restart
        api.get("/api/portal/organisations", admin).expect(200);
        assertEquals(jvm, portal.jvm().pid(), "the portal was restarted");
        assertTrue(portal.logSince(mark).contains("The portal database answers now"), "the extender did not say it found the database");
    }

    /** 503 problem+json database_unavailable with Retry-After, its text in {@code language} only. */
    private static void assertUnavailable(Api.Reply reply, String language) {
        JsonNode problem = reply.expectUnavailable(language);
        assertEquals("database_unavailable", problem.path("code").asText(), reply::toString);
        String detail = problem.path("detail").asText();
        assertTrue(!detail.contains("restart") && !detail.contains("重启门户"), () -> "asks for a restart: " + reply);
    }
}
