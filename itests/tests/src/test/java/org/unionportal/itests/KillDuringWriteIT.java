package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of a large roster confirmation: after the restart the roster is either wholly
 * confirmed or not at all (and then confirms whole), never half. The kill comes when a thread dump of the portal
 * ({@code jcmd Thread.print}) shows the confirmation running, not after a fixed time. A distribution of its own,
 * since it is killed.
 */
class KillDuringWriteIT {
    private static final int ROWS = 20_000;
    private static Distribution portal;

    @BeforeAll
    static void start() {
        portal = Distribution.create("kill-9").configureLikeRunSh();
        portal.start();
        portal.awaitShippedModules();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void aRosterConfirmationKilledMidwayIsWholeOrAbsentAfterTheRestart() throws Exception {
        Api api = portal.api();
        String admin = api.login("admin");
        String operator = api.login("operator");
        long planId = api.post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("KILL")).expect(201).json().path("id").asLong();
        JsonNode preview = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=kill.csv", operator,
                roster(ROWS).getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream")).expect(201).json();
        assertTrue(preview.path("canConfirm").asBoolean(), () -> "the roster has problems: " + Distribution.abbreviate(preview.toString(), 1000));
        long uploadId = preview.path("uploadId").asLong();
        long before = enrolments(api, admin);

        // the confirmation, sent without waiting for its answer (the answer never comes: the process dies)
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> confirming = client.sendAsync(HttpRequest.newBuilder(
                        api.base().resolve("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm"))
                .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        ProcessHandle jvm = karafJvm(portal.home());
        Await.until("the confirmation to be seen running in a thread dump", Duration.ofSeconds(120),
                () -> threadDump(jvm).contains("EnrolmentService.confirm") || confirming.isDone());
        assertTrue(!confirming.isDone(), "the confirmation ended before it could be killed; make the roster larger");
        jvm.destroyForcibly(); // SIGKILL
        jvm.onExit().get(60, TimeUnit.SECONDS);
        Await.until("the killed portal's script to end", Duration.ofSeconds(60), () -> !portal.isRunning());

        portal.start();
        portal.awaitShippedModules();
        String admin2 = api.login("admin");
        long after = enrolments(api, admin2);
        assertTrue(after == before || after == before + ROWS, "half a roster after the kill: " + (after - before) + " of " + ROWS);
        // the confirmation again, with time for the whole roster (Api's client gives up after 30 s)
        HttpResponse<String> again = client.send(HttpRequest.newBuilder(
                        api.base().resolve("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm"))
                .header("Authorization", "Bearer " + api.login("operator")).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (after == before) {
            // nothing of it was committed: it confirms whole now
            assertEquals(201, again.statusCode(), again::body);
            assertEquals(ROWS, Api.JSON.readTree(again.body()).path("persons").asInt());
            assertEquals(before + ROWS, enrolments(api, admin2));
        } else {
            assertEquals(409, again.statusCode(), () -> "a committed roster confirmed twice: " + again.body());
        }
    }

    /** {@code rows} distinct, valid, eligible people: ID numbers and phones made unique by their row number. */
    private static String roster(int rows) {
        StringBuilder csv = new StringBuilder(MutualAidData.ROSTER_HEADER);
        LocalDate first = LocalDate.of(1975, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate born = first.plusDays(i / 400);
            String seq = String.format("%03d", (i % 400) * 2 + 1); // odd: a man
            String id = MutualAidData.withCheckDigit("320202" + born.toString().replace("-", "") + seq);
            csv.append("职工").append(i).append(',').append(id).append(",139").append(String.format("%08d", i))
                    .append(",男,在职职工,是,是\n");
        }
        return csv.toString();
    }

    private static long enrolments(Api api, String admin) {
        return api.get("/api/mutual-aid/enrolments?size=1", admin).expect(200).json().path("total").asLong();
    }

    /** The portal's JVM, by the pid Karaf writes to {@code karaf.pid} (etc/config.properties, karaf.pid.file). */
    static ProcessHandle karafJvm(Path home) {
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(home.resolve("karaf.pid")).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " (karaf.pid of " + home + ")"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String threadDump(ProcessHandle jvm) {
        try {
            Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(jvm.pid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
