package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database unreachable: a portal on a PostgreSQL server of this test's own (stopping CI's shared server would
 * break every other portal) answers readiness 503 and its endpoints 503 problem+json while the server is stopped,
 * and serves again without a restart once it is back. Runs only in the PostgreSQL pass ({@code -Ditests.postgresql=}),
 * with the server binaries .ci/run uses (/usr/lib/postgresql/N/bin).
 */
class DatabaseDownIT {
    private static Path pgData;
    private static Path pgBin;
    private static int pgPort;
    private static Distribution portal;

    @BeforeAll
    static void portalOnItsOwnServer() throws Exception {
        Assumptions.assumeFalse(System.getProperty("itests.postgresql", "").isBlank(), "the PostgreSQL pass only");
        pgBin = newestPostgresqlBin();
        pgData = Files.createTempDirectory("union-it-pg-");
        pgPort = Distribution.freePort();
        asPostgres(List.of("chown", "postgres", pgData.toString()), false);
        asPostgres(List.of(pgBin.resolve("initdb").toString(), "-D", pgData.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), true);
        startServer();
        Distribution.run(List.of(pgBin.resolve("psql").toString(), "-q", "-h", "127.0.0.1", "-p", String.valueOf(pgPort), "-U", "postgres",
                "-v", "ON_ERROR_STOP=1", "-c", "CREATE ROLE portal LOGIN CREATEDB PASSWORD 'portal'"), pgData, Duration.ofSeconds(60));
        // the harness makes the portal's database on the server named by itests.postgresql: this one, for this portal
        String shared = System.getProperty("itests.postgresql");
        System.setProperty("itests.postgresql", "jdbc:postgresql://127.0.0.1:" + pgPort + "/");
        try {
            portal = Distribution.create("database-down");
        } finally {
            System.setProperty("itests.postgresql", shared);
        }
        portal.start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        if (pgData != null) {
            try {
                asPostgres(List.of(pgBin.resolve("pg_ctl").toString(), "-D", pgData.resolve("data").toString(), "-m", "immediate", "stop"), true);
            } catch (RuntimeException | IOException alreadyStopped) {
                // stopped by the test
            }
            try (Stream<Path> walk = Files.walk(pgData)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theDatabaseDownIs503AndThePortalRecoversWithoutARestart() throws Exception {
        Api api = portal.api();
        String admin = api.login("admin");
        api.get("/api/portal/ready", null).expect(200);
        api.get("/api/portal/organisations", admin).expect(200);

        asPostgres(List.of(pgBin.resolve("pg_ctl").toString(), "-D", pgData.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);

        JsonNode notReady = Await.until("readiness 503 with the database stopped", Duration.ofSeconds(120),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 503).json();
        assertEquals("DOWN", notReady.path("database").asText(), notReady::toString);
        // the token check and the read both need the database: a 503 problem in the caller's language, never a 500
        Api.Reply down = Await.until("an endpoint to answer 503", Duration.ofSeconds(120),
                () -> api.send("GET", "/api/portal/organisations", admin, null, java.util.Map.of("Accept-Language", "en")),
                r -> r.status() != 200);
        assertEquals(503, down.status(), down::toString);
        JsonNode problem = down.assertProblem();
        assertEquals("database_unavailable", problem.path("code").asText(), problem::toString);
        assertTrue(down.header("Retry-After").isPresent(), "no Retry-After");
        assertTrue(problem.path("detail").asText().contains("database"), problem::toString);

        startServer();

        Await.until("readiness 200 once the database is back", Duration.ofSeconds(120),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        api.get("/api/portal/organisations", admin).expect(200); // the same session: nothing was lost
        assertTrue(portal.isRunning(), "the portal was restarted");

        startedWhileTheDatabaseIsDown(api, admin);
    }

    /**
     * Started with the server down, the pool cannot be created, so nothing that needs the database comes: the API
     * answers 503 database_unavailable (readiness too), once start-up has settled without it (the application gate
     * gives up on components whose reference nobody is starting, not after its longest wait); started again with the
     * server back, it serves.
     */
    private static void startedWhileTheDatabaseIsDown(Api api, String admin) throws Exception {
        portal.stop();
        asPostgres(List.of(pgBin.resolve("pg_ctl").toString(), "-D", pgData.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);
        Path log = portal.home().resolve("data/log/karaf.log");
        long mark = Files.size(log);
        portal.launch();
        Api.Reply down = Await.until("the API to answer 503 database_unavailable after a start with the database down",
                Duration.ofSeconds(Long.getLong("itests.startTimeoutSeconds", 120)),
                () -> api.send("GET", "/api/portal/ready", null, null, java.util.Map.of("Accept-Language", "en")),
                r -> r.status() == 503 && r.body().contains("database_unavailable"));
        JsonNode problem = down.assertProblem();
        assertEquals("database_unavailable", problem.path("code").asText(), problem::toString);
        assertTrue(down.header("Retry-After").isPresent(), "no Retry-After");
        byte[] all = Files.readAllBytes(log);
        String since = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(since.contains("Serving the portal application without waiting for"), "the gate did not give up on its own");
        assertTrue(!since.contains("Serving the portal application after"), "the gate waited its longest wait");

        startServer();
        portal.stop();
        portal.start();
        api.get("/api/portal/ready", null).expect(200);
        api.get("/api/portal/organisations", admin).expect(200);
    }

    private static void startServer() throws IOException {
        asPostgres(List.of(pgBin.resolve("pg_ctl").toString(), "-D", pgData.resolve("data").toString(), "-l",
                pgData.resolve("server.log").toString(), "-w", "-o",
                "-p " + pgPort + " -k " + pgData + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
    }

    private static void asPostgres(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Distribution.run(full, Paths.get("/tmp"), Duration.ofSeconds(120));
    }

    private static Path newestPostgresqlBin() throws IOException {
        Path root = Paths.get("/usr/lib/postgresql");
        Assumptions.assumeTrue(Files.isDirectory(root), "no PostgreSQL server binaries in /usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }
}
