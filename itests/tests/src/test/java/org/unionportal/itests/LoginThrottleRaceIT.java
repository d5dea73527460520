package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login throttle counts an attempt before it checks the password, in the database: 40 wrong passwords for one
 * name sent at once get exactly the five free checks (401) and 429 for the rest (before: 35 real checks), the same
 * guarantee nodes sharing the database get.
 */
@ExtendWith(SharedPortal.class)
class LoginThrottleRaceIT {
    private static final int PARALLEL = 40;
    private static final int FREE = 5;

    @Test
    void fortyParallelWrongPasswordsGetExactlyFiveChecks(Distribution portal) throws Exception {
        Api api = portal.api();
        String username = "racer-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch ready = new CountDownLatch(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String guess = "wrong-" + i;
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.login(username, guess).status();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<Integer> reply : replies) {
                byStatus.merge(reply.get(180, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(401, FREE, 429, PARALLEL - FREE), byStatus, "statuses of 40 parallel wrong passwords");
        } finally {
            pool.shutdownNow();
        }
        // the lock is that name's: others still sign in
        api.login("reviewer");
    }
}
