package org.unionportal.hardshipaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/**
 * The year's first certificate number raced: approvals in parallel transactions, each the first of a new year
 * (no counter yet), all succeed and get numbers 1..n of the year, each once (it was a unique-key 500).
 */
class CertificateNumberRaceTest {
    @TempDir
    Path dir;

    @Test
    void parallelFirstNumbersOfAYearAreAllGivenEachOnce() throws Exception {
        ModuleTestDatabase db = ModuleTestDatabase.create(dir, "hardship-aid");
        int parallel = 6;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (int year = 2031; year <= 2035; year++) {
                int y = year;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> numbers = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    numbers.add(pool.submit(() -> {
                        start.await();
                        return db.inTransaction(c -> HouseholdStore.nextCertificateNo(c, y));
                    }));
                }
                start.countDown();
                Set<String> given = new TreeSet<>();
                for (Future<String> n : numbers) {
                    given.add(n.get());
                }
                Set<String> expected = new TreeSet<>();
                for (int no = 1; no <= parallel; no++) {
                    expected.add(String.format("TK%d-%05d", y, no));
                }
                assertEquals(expected, given);
                assertEquals(1, db.count("SELECT COUNT(*) FROM HA_CERTIFICATE_SEQ WHERE CERT_YEAR = ?", y));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
