package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten confirmations of one roster at once (as many as the pool has connections) while a plain read keeps asking:
 * a confirmation never asks the pool for a second connection while it holds one, so the read answers throughout
 * (before the fix, the nine waiting on the upload's row lock held every other connection and the first waited for
 * one more: the whole portal froze). A liveness check, not a timing benchmark: each read may take up to
 * {@link #READ_TIMEOUT}.
 */
@ExtendWith(SharedPortal.class)
class RosterConfirmStormIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int CONFIRMATIONS = 10;
    private static final int ROWS = 1500;
    private static Distribution portal;
    private static Api api;

    @RegisterExtension
    static final ModuleForClass MODULE = ModuleForClass.of(FEATURE, PROBE);

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
        api = shared.api();
    }

    @Test
    void tenParallelConfirmationsLeaveThePortalAnswering() throws Exception {
        String admin = api.login("admin");
        String operator = api.login("operator");
        long planId = api.post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("STORM")).expect(201).json().path("id").asLong();
        Set<String> ids = new LinkedHashSet<>();
        for (int year = 1970; ids.size() < ROWS; year = year == 1999 ? 1970 : year + 1) {
            ids.add(MutualAidData.idNumber(year, 'M'));
        }
        StringBuilder csv = new StringBuilder(MutualAidData.ROSTER_HEADER);
        int n = 0;
        for (String id : ids) {
            csv.append("职工").append(n++).append(',').append(id).append(",139").append(String.format("%08d", n)).append(",男,在职职工,是,是\n");
        }
        long uploadId = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=storm.csv", operator,
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream"))
                .expect(201).json().path("uploadId").asLong();

        ExecutorService pool = Executors.newFixedThreadPool(CONFIRMATIONS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> confirms = new ArrayList<>();
        for (int i = 0; i < CONFIRMATIONS; i++) {
            confirms.add(pool.submit(() -> {
                start.await();
                return api.post("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm", operator, null).status();
            }));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(READ_TIMEOUT).build();
        HttpRequest me = HttpRequest.newBuilder(api.base().resolve("/api/auth/me")).timeout(READ_TIMEOUT)
                .header("Authorization", "Bearer " + admin).GET().build();
        int reads = 0;
        try {
            start.countDown();
            // reads until every confirmation has answered; each must answer within READ_TIMEOUT (else HttpTimeoutException)
            do {
                HttpResponse<String> reply = client.send(me, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, reply.statusCode(), reply::body);
                reads++;
            } while (confirms.stream().anyMatch(f -> !f.isDone()));
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "the confirmations did not end");
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : confirms) {
            statuses.add(f.get());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), () -> "one confirmation writes the roster: " + statuses);
        assertEquals(CONFIRMATIONS - 1, statuses.stream().filter(s -> s == 409).count(), () -> "the others are refused (done already, or too many at once): " + statuses);
        assertTrue(reads >= 1, "no read during the confirmations");
        long batchId = api.get("/api/mutual-aid/enrolments/batches", operator).expect(200).json().get(0).path("id").asLong();
        assertEquals(ROWS, api.get("/api/mutual-aid/enrolments?batchId=" + batchId, operator).expect(200).json().path("total").asLong());
    }
}
