package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full disk under a portal on PostgreSQL, for real: a server of this test's own whose portal database lives in a
 * tablespace on a small tmpfs, while the server's own folder, its write-ahead log (WAL) included, stays on the
 * ordinary disk. That is the layout to run PostgreSQL in: when the WAL cannot be written PostgreSQL PANICs (every
 * session of every database is cut and the server does not start again until space is freed), while a data file that
 * cannot grow is an ERROR of the one statement (SQLSTATE 53100 disk_full), its transaction rolled back and the server
 * serving on. The tmpfs is filled to the last byte by a file while the portal runs: a large write (a 6,000-row roster
 * confirmation) answers 503 problem+json {@code disk_full} in the caller's language, never a 500, and leaves nothing
 * behind; small writes may fit into free room of pages already held; reads and readiness answer. With the file
 * removed, the same portal process confirms the roster whole. Runs in the PostgreSQL pass only and needs root (mount);
 * skipped otherwise. Derby's counterpart is {@link FullDiskIT}.
 */
class PostgresqlFullDiskIT {
    /** Room for the portal database as a fresh start leaves it (about 20 MiB with the demo data) and a margin. */
    private static final String TMPFS_SIZE = "96m";
    private static final int ROWS = 6_000;
    private static OwnPostgresqlServer server;
    private static Distribution portal;
    private static Tmpfs space;

    @BeforeAll
    static void portalWithItsDatabaseOnASmallDisk() throws Exception {
        Assumptions.assumeFalse(System.getProperty("itests.postgresql", "").isBlank(),
                "the PostgreSQL pass only (Derby's full disk is FullDiskIT)");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        server = OwnPostgresqlServer.startNew();
        space = server.mountTmpfs("tablespace", TMPFS_SIZE);
        server.psql("CREATE TABLESPACE small_disk LOCATION '" + space.path() + "'");
        portal = server.newPortal("pg-full-disk");
        // the harness made the database in the default tablespace; before the first start it is empty and moves at once
        server.psql("ALTER DATABASE " + OwnPostgresqlServer.databaseOf(portal) + " SET TABLESPACE small_disk");
        portal.start();
        portal.awaitShippedModules();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (server != null) {
            server.close(); // the portal, the server (it holds files on the tmpfs), the tmpfs
        }
    }

    @Test
    void aFullDataDiskIs503InTheCallersLanguageAndTheSameProcessWritesOnceSpaceIsBack() throws Exception {
        Api api = portal.api();
        String admin = api.login("admin");
        String operator = api.login("operator");
        long jvm = portal.jvm().pid();
        long planId = api.post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("PGDISK")).expect(201).json().path("id").asLong();
        long uploadId = MutualAidData.uploadRoster(api, operator, planId, "pgdisk.csv",
                MutualAidData.roster("满盘", java.time.LocalDate.of(1972, 1, 1), "138", ROWS));
        long enrolmentsBefore = MutualAidData.enrolments(api, admin);

        Path filler = space.fill("filler");
        List<String> seen = new ArrayList<>();
        try {
            Api.Reply confirm = MutualAidData.confirmRoster(api, operator, uploadId, "en");
            seen.add("confirm: " + confirm);
            JsonNode full = diskFull(confirm, "en");
            assertTrue(full.path("detail").asText().contains("disk is full"), confirm::toString);

            Api.Reply again = MutualAidData.confirmRoster(api, operator, uploadId, "zh-CN");
            seen.add("confirm again: " + again);
            diskFull(again, "zh");

            // a small write (a sign-in writes a session): it fits into a page already held, or is refused the same way
            Api.Reply login = api.send("POST", "/api/auth/login", null, Map.of("username", "district", "password", Distribution.PASSWORD),
                    Map.of("Accept-Language", "zh-CN"));
            seen.add("login: " + login);
            if (login.status() != 200) {
                diskFull(login, "zh");
            }
            // PostgreSQL stays up: readiness (a read of a core table) answers 200; a signed-in read answers, or is refused
            // the same way where noting the session's use needs a new page
            Api.Reply ready = api.get("/api/portal/ready", null);
            seen.add("ready: " + ready);
            ready.expect(200);
            Api.Reply read = api.send("GET", "/api/mutual-aid/plans", admin, null, Map.of("Accept-Language", "en"));
            seen.add("read: " + read);
            if (read.status() != 200) {
                diskFull(read, "en");
            }
        } finally {
            Files.deleteIfExists(filler);
            System.out.println("[PostgresqlFullDiskIT] with the disk full:\n  " + String.join("\n  ", seen));
        }

        // space is back: nothing of the refused attempts was kept, and the same process confirms the same roster whole
        assertEquals(enrolmentsBefore, MutualAidData.enrolments(api, admin), "a refused roster confirmation left enrolments behind");
        Api.Reply confirmed = MutualAidData.confirmRoster(api, operator, uploadId, "en");
        assertEquals(201, confirmed.status(), confirmed::toString);
        assertEquals(ROWS, confirmed.json().path("persons").asInt(), confirmed::toString);
        assertEquals(enrolmentsBefore + ROWS, MutualAidData.enrolments(api, admin));
        api.get("/api/portal/ready", null).expect(200);
        assertEquals(jvm, portal.jvm().pid(), "the portal was restarted");
    }

    /** 503 problem+json disk_full with Retry-After, its text in {@code language} only: never a 500. */
    private static JsonNode diskFull(Api.Reply reply, String language) {
        JsonNode problem = reply.expectUnavailable(language);
        assertEquals("disk_full", problem.path("code").asText(), reply::toString);
        return problem;
    }
}
