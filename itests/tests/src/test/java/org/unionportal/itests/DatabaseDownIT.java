package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
        aMigrationCutOffByTheServerStoppingIsTriedAgain(api);
    }

    /**
     * A module's migrations cut off by the server going away mid-way (here: while the extender's read of the migration
     * history waits for a lock another session holds, the server is stopped; the portal's statement ends with 57P01 or a
     * closed connection). Not MIGRATION_FAILED until a restart: readiness names the schema MIGRATION_RETRYING while the
     * server is down, and once it is back the extender's retry applies the migrations and the module serves, in the
     * same process.
     */
    private static void aMigrationCutOffByTheServerStoppingIsTriedAgain(Api api) throws Exception {
        String database = OwnPostgresqlServer.databaseOf(portal);
        long jvm = portal.jvm().pid();
        portal.fixtureInstalled(); // the shell answers (retried until it does) before the one unretried install below
        Process lock = server.psqlInBackground(database,
                "BEGIN; LOCK TABLE portal_schema_history IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(600);");
        try {
            Await.until("the lock on the migration history to be held", Duration.ofSeconds(30),
                    () -> !server.queryValue(database, "SELECT pid FROM pg_stat_activity WHERE query LIKE '%pg_sleep(600)%' "
                            + "AND pid <> pg_backend_pid() AND state = 'active'").isEmpty());
            CompletableFuture<Distribution.ShellResult> installing = CompletableFuture.supplyAsync(
                    () -> portal.shellResult("feature:install " + Distribution.FIXTURE_FEATURE, "admin", Distribution.PASSWORD, 1));
            // the portal's read of the history waits for the lock (lock_timeout 10 s, tried again a few times)
            Await.until("the fixture's migration to wait for the history's lock", Duration.ofSeconds(60),
                    () -> !server.queryValue(database, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND datname = current_database()").isEmpty() || installing.isDone());
            assertTrue(!installing.isDone(), () -> "feature:install ended before its migration waited: " + installing.join());
            server.stop();
        } finally {
            lock.destroy();
        }
        JsonNode retrying = Await.until("readiness to name the fixture's schema MIGRATION_RETRYING", Duration.ofSeconds(120),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 503 && r.body().contains("MIGRATION_RETRYING")).json();
        assertTrue(retrying.toString().contains("\"fixture\""), retrying::toString);

        server.start();

        String operator = Await.until("a sign-in once the database is back", Duration.ofSeconds(120),
                () -> api.login("operator", Distribution.PASSWORD), r -> r.status() == 200).json().path("token").asText();
        Await.until("the fixture to serve after its migrations were tried again", Duration.ofSeconds(180),
                () -> api.get("/api/fixture/items", operator), r -> r.status() == 200);
        Await.until("readiness 200", Duration.ofSeconds(60), () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        assertEquals(jvm, portal.jvm().pid(), "the portal was restarted");
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
