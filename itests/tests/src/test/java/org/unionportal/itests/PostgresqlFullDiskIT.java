package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private static Path space;
    private static volatile boolean mounted;

    @BeforeAll
    static void portalWithItsDatabaseOnASmallDisk() throws Exception {
        Assumptions.assumeFalse(System.getProperty("itests.postgresql", "").isBlank(),
                "the PostgreSQL pass only (Derby's full disk is FullDiskIT)");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        server = OwnPostgresqlServer.startNew();
        space = Files.createDirectories(server.folder().resolve("tablespace"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE + ",mode=0700", "tmpfs", space.toString()) == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here");
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresqlFullDiskIT::unmount, "unmount-pg-full-disk"));
        assertEquals(0, run("chown", "postgres", space.toString()));
        server.psql("CREATE TABLESPACE small_disk LOCATION '" + space + "'");
        portal = server.newPortal("pg-full-disk").configureLikeRunSh();
        // the harness made the database in the default tablespace; before the first start it is empty and moves at once
        server.psql("ALTER DATABASE " + OwnPostgresqlServer.databaseOf(portal) + " SET TABLESPACE small_disk");
        portal.start();
        portal.awaitShippedModules();
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (portal != null) {
                portal.stop();
            }
        } finally {
            if (server != null) {
                server.stopNow(); // it holds files on the tmpfs
            }
            unmount();
            if (server != null) {
                server.close();
            }
        }
    }

    private static synchronized void unmount() {
        if (mounted) {
            mounted = run("umount", "-l", space.toString()) != 0;
        }
    }

    @Test
    void aFullDataDiskIs503InTheCallersLanguageAndTheSameProcessWritesOnceSpaceIsBack() throws Exception {
        Api api = portal.api();
        String admin = api.login("admin");
        String operator = api.login("operator");
        long jvm = KillDuringWriteIT.karafJvm(portal.home()).pid();
        long planId = api.post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("PGDISK")).expect(201).json().path("id").asLong();
        JsonNode preview = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=pgdisk.csv", operator,
                roster(ROWS).getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertTrue(preview.path("canConfirm").asBoolean(), () -> "the roster has problems: " + Distribution.abbreviate(preview.toString(), 1000));
        long uploadId = preview.path("uploadId").asLong();
        long enrolmentsBefore = enrolments(api, admin);

        Path filler = space.resolve("filler");
        fill(filler);
        List<String> seen = new ArrayList<>();
        try {
            Api.Reply confirm = confirm(api, operator, uploadId, "en");
            seen.add("confirm: " + confirm);
            JsonNode full = diskFull(confirm, "en");
            assertTrue(full.path("detail").asText().contains("disk is full"), confirm::toString);

            Api.Reply again = confirm(api, operator, uploadId, "zh-CN");
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
        assertEquals(enrolmentsBefore, enrolments(api, admin), "a refused roster confirmation left enrolments behind");
        Api.Reply confirmed = confirm(api, operator, uploadId, "en");
        assertEquals(201, confirmed.status(), confirmed::toString);
        assertEquals(ROWS, confirmed.json().path("persons").asInt(), confirmed::toString);
        assertEquals(enrolmentsBefore + ROWS, enrolments(api, admin));
        api.get("/api/portal/ready", null).expect(200);
        assertEquals(jvm, KillDuringWriteIT.karafJvm(portal.home()).pid(), "the portal was restarted");
    }

    /** 503 problem+json disk_full with Retry-After, its text in {@code language} only: never a 500. */
    private static JsonNode diskFull(Api.Reply reply, String language) {
        JsonNode problem = reply.expectProblem(503);
        assertEquals("disk_full", problem.path("code").asText(), reply::toString);
        assertTrue(reply.header("Retry-After").isPresent(), () -> "no Retry-After: " + reply);
        String detail = problem.path("detail").asText();
        boolean chinese = detail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        assertEquals(language.startsWith("zh"), chinese, () -> "not in " + language + ": " + reply);
        return problem;
    }

    /** Writes {@code file} until the filesystem has no byte left. */
    private static void fill(Path file) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int size = chunk.length; size > 0; size /= 4) {
                try {
                    while (true) {
                        out.write(chunk, 0, size);
                        out.flush();
                    }
                } catch (IOException full) {
                    // smaller pieces next, down to single bytes
                }
            }
        } catch (IOException closing) {
            // the last buffered bytes did not fit either: the disk is full
        }
        assertEquals(0, Files.getFileStore(space).getUsableSpace(), "the tmpfs is not full");
    }

    private static Api.Reply confirm(Api api, String token, long uploadId, String language) {
        String path = "/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm";
        return api.send(HttpRequest.newBuilder(api.base().resolve(path)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), "POST", path);
    }

    private static String roster(int rows) {
        StringBuilder csv = new StringBuilder(MutualAidData.ROSTER_HEADER);
        java.time.LocalDate first = java.time.LocalDate.of(1972, 1, 1);
        for (int i = 0; i < rows; i++) {
            java.time.LocalDate born = first.plusDays(i / 400);
            String seq = String.format("%03d", (i % 400) * 2 + 1);
            String id = MutualAidData.withCheckDigit("320202" + born.toString().replace("-", "") + seq);
            csv.append("满盘").append(i).append(',').append(id).append(",138").append(String.format("%08d", i))
                    .append(",男,在职职工,是,是\n");
        }
        return csv.toString();
    }

    private static long enrolments(Api api, String admin) {
        return api.get("/api/mutual-aid/enrolments?size=1", admin).expect(200).json().path("total").asLong();
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                System.out.println("[PostgresqlFullDiskIT] " + String.join(" ", command) + " -> " + code + ": " + out);
            }
            return code;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
