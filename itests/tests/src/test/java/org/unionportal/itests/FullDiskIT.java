package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full disk under a running portal: its Derby database on a small tmpfs of its own (the rest of the portal's
 * folder, its log included, stays on the ordinary disk), filled to the last byte by a file while the portal serves.
 * Writes that need new space answer 503 problem+json {@code disk_full} (or {@code database_unavailable} while Derby
 * has the database shut down) in the caller's language, never a 500, and nothing half-written; small writes that fit
 * into space Derby already holds (its preallocated log file) may go through, and reads answer. Once the file is
 * removed the same portal process serves writes again. Needs root (mount); skipped where mounting is not possible,
 * and in the PostgreSQL pass (the database files are the server's there; PostgresqlFullDiskIT is its counterpart).
 * A distribution of its own: its disk is filled. It is started while the test's JVM holds its database (Derby's
 * form of a database unreachable at start), and must come up once the database is let go.
 */
class FullDiskIT {
    private static final String TMPFS_SIZE = "48m";
    /** A roster whose confirmation needs more than the space Derby already holds (its 1 MiB log file, its page cache). */
    private static final int ROWS = 6_000;
    private static final Set<String> UNAVAILABLE = Set.of("disk_full", "database_unavailable");
    private static Distribution portal;
    private static Path derby;
    private static Tmpfs disk;

    @BeforeAll
    static void portalOnASmallDisk() throws Exception {
        Assumptions.assumeTrue(System.getProperty("itests.postgresql", "").isBlank(), "the Derby pass only");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        portal = Distribution.create("full-disk").configureLikeRunSh();
        derby = portal.home().resolve("data/derby");
        disk = Tmpfs.mount(derby, TMPFS_SIZE, null);
        startedWhileItsDatabaseIsHeldElsewhere();
        portal.awaitShippedModules();
    }

    /**
     * Derby's form of "the database unreachable at start" (DatabaseDownIT stops a PostgreSQL server): the portal starts
     * while another process, this test's JVM, has its database open, so Derby refuses to open it (XSDB6). The API,
     * readiness included, answers 503 database_unavailable; once the other process lets the database go, the same
     * portal process opens it, migrates, and serves. Tested here because this test starts a fresh Derby portal of its own anyway.
     */
    private static void startedWhileItsDatabaseIsHeldElsewhere() throws Exception {
        System.setProperty("derby.stream.error.file", portal.home().resolve("test-jvm-derby.log").toString());
        String url = "jdbc:derby:" + derby.resolve("portal");
        java.sql.DriverManager.getConnection(url + ";create=true").close();
        portal.launch();
        Api api = portal.api();
        Api.Reply held = Await.until("the API to answer 503 database_unavailable while another process has the database",
                Duration.ofSeconds(Long.getLong("itests.startTimeoutSeconds", 120)),
                () -> api.send("GET", "/api/portal/ready", null, null, Map.of("Accept-Language", "en")),
                r -> r.status() == 503 && r.body().contains("database_unavailable"));
        unavailable(held, "en");
        // let go at once, not after the pool's first wait (30 s on Derby) and the extender's log line: DatabaseDownIT
        // waits for those on PostgreSQL; here the point is Derby's refusal and the same process coming up after it
        long jvm = portal.jvm().pid();
        try {
            java.sql.DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (java.sql.SQLException shutDown) {
            assertEquals("08006", shutDown.getSQLState(), shutDown::toString); // Derby's way of saying it is closed
        }
        Await.until("readiness 200 once the database is free, without a restart", Duration.ofSeconds(180),
                () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        Await.until("the sign-in resources to be there", Duration.ofSeconds(60), () -> api.get("/api/auth/me", null),
                r -> r.status() == 401);
        assertEquals(jvm, portal.jvm().pid(), "the portal was restarted");
    }

    @AfterAll
    static void stopAndUnmount() {
        try {
            if (portal != null) {
                portal.stop();
            }
        } finally {
            if (disk != null) {
                disk.close();
            }
        }
    }

    @Test
    void aFullDiskIs503InTheCallersLanguageAndWritesWorkAgainOnceSpaceReturns() throws Exception {
        Api api = portal.api();
        String admin = api.login("admin");
        String operator = api.login("operator");
        String member = api.login("member");
        long jvm = portal.jvm().pid();
        long planId = api.post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("DISK")).expect(201).json().path("id").asLong();
        long uploadId = MutualAidData.uploadRoster(api, operator, planId, "disk.csv",
                MutualAidData.roster("盘满", LocalDate.of(1971, 1, 1), "137", ROWS));
        long enrolmentsBefore = MutualAidData.enrolments(api, admin);
        Map<String, Object> claim = claim(api, member);

        Path filler = disk.fill("filler");
        List<String> seen = new ArrayList<>();
        boolean claimFiled;
        try {
            // the large write: Derby's log needs space it cannot get
            Api.Reply confirm = MutualAidData.confirmRoster(api, operator, uploadId, "en");
            seen.add("confirm: " + confirm);
            JsonNode full = unavailable(confirm, "en");
            assertEquals("disk_full", full.path("code").asText(), confirm::toString);
            assertTrue(full.path("detail").asText().contains("disk is full"), confirm::toString);

            // the roster again, in Chinese: still no space for it
            Api.Reply again = MutualAidData.confirmRoster(api, operator, uploadId, "zh-CN");
            seen.add("confirm again: " + again);
            assertEquals("disk_full", unavailable(again, "zh").path("code").asText(), again::toString);

            // small writes, in Chinese: a sign-in (writes a session), a claim. Derby reopens the database it shut down
            // and what fits into the log file it has already reserved goes through; the rest is a 503, never a 500.
            Api.Reply login = api.send("POST", "/api/auth/login", null, Map.of("username", "district", "password", Distribution.PASSWORD),
                    Map.of("Accept-Language", "zh-CN"));
            seen.add("login: " + login);
            succeededOrUnavailable(login, "zh");
            Api.Reply filed = api.send("POST", "/api/mutual-aid/claims", member, claim, Map.of("Accept-Language", "zh-CN"));
            seen.add("claim: " + filed);
            succeededOrUnavailable(filed, "zh");
            claimFiled = filed.status() == 201;

            // reads need no space: they answer
            Api.Reply read = api.send("GET", "/api/mutual-aid/plans", admin, null, Map.of("Accept-Language", "en"));
            seen.add("read: " + read);
            read.expect(200);
            Api.Reply ready = api.get("/api/portal/ready", null);
            seen.add("ready: " + ready);
            assertTrue(ready.status() == 200 || ready.json().path("database").asText().equals("DISK_FULL"), ready::toString);
        } finally {
            Files.deleteIfExists(filler);
            System.out.println("[FullDiskIT] with the disk full:\n  " + String.join("\n  ", seen));
        }

        // space is back: the same process serves writes again, and nothing of the refused ones was kept
        Api.Reply back = Await.until("a sign-in to work once space is back", Duration.ofSeconds(120),
                () -> api.login("district", Distribution.PASSWORD), r -> r.status() != 503);
        assertEquals(200, back.status(), back::toString);
        Await.until("readiness 200 once space is back", Duration.ofSeconds(60), () -> api.get("/api/portal/ready", null),
                r -> r.status() == 200);
        String admin2 = api.login("admin");
        assertEquals(enrolmentsBefore, MutualAidData.enrolments(api, admin2), "a refused roster confirmation left enrolments behind");
        Api.Reply confirmed = MutualAidData.confirmRoster(api, api.login("operator"), uploadId, "en");
        assertEquals(201, confirmed.status(), confirmed::toString);
        assertEquals(ROWS, confirmed.json().path("persons").asInt(), confirmed::toString);
        assertEquals(enrolmentsBefore + ROWS, MutualAidData.enrolments(api, admin2));
        if (!claimFiled) {
            api.post("/api/mutual-aid/claims", api.login("member"), claim).expect(201);
        }
        assertEquals(jvm, portal.jvm().pid(), "the portal was restarted");
    }

    /** A 503 problem in the language asked for, with Retry-After: nothing wrong with the request, send it again later. */
    private static JsonNode unavailable(Api.Reply reply, String language) {
        JsonNode problem = reply.expectUnavailable(language);
        assertTrue(UNAVAILABLE.contains(problem.path("code").asText()), reply::toString);
        return problem;
    }

    private static void succeededOrUnavailable(Api.Reply reply, String language) {
        if (reply.status() >= 300) {
            unavailable(reply, language);
        }
    }

    /** A hospital stay for the demo member's cover of this year (filed once space is back, as the same body). */
    private static Map<String, Object> claim(Api api, String member) {
        JsonNode me = api.get("/api/mutual-aid/me", member).expect(200).json();
        for (JsonNode e : me.path("enrolments")) {
            LocalDate start = LocalDate.parse(e.path("coverStart").asText());
            LocalDate end = LocalDate.parse(e.path("coverEnd").asText(start.plusYears(1).minusDays(1).toString()));
            LocalDate admission = MutualAidData.today().minusDays(20);
            if (!admission.isBefore(start) && admission.plusDays(3).isBefore(end)) {
                return MutualAidData.hospitalStay(e.path("id").asLong(), admission, 3, 900_000, 500_000);
            }
        }
        throw new AssertionError("the demo member has no cover for a stay 20 days ago: " + me.path("enrolments"));
    }
}
