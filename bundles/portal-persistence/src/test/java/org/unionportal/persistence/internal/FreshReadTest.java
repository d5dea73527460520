package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class FreshReadTest {
    @Test
    void aLoneCallReadsTheSourceEachTime() {
        AtomicLong source = new AtomicLong(5);
        FreshRead fresh = new FreshRead(source::get);
        assertEquals(5, fresh.get());
        source.set(9);
        assertEquals(9, fresh.get(), "answered the previous read's value");
    }

    /**
     * Sixteen callers at once while another process keeps writing: no call answers a value older than the one
     * written before it was asked (a call that took the answer of a read already under way would), and the callers
     * share reads.
     */
    @Test
    void noCallAnswersAValueOlderThanItselfAndCallersShareReads() throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        FreshRead fresh = new FreshRead(() -> {
            reads.incrementAndGet();
            long v = written.get();
            LockSupport.parkNanos(100_000); // a round trip to the database, during which others write
            return v;
        });
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                written.incrementAndGet();
                LockSupport.parkNanos(20_000);
            }
        });
        writer.start();
        int threads = 16;
        int callsEach = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> stale = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                stale.add(pool.submit(() -> {
                    go.await();
                    int older = 0;
                    for (int i = 0; i < callsEach; i++) {
                        long before = written.get();
                        if (fresh.get() < before) {
                            older++;
                        }
                    }
                    return older;
                }));
            }
            go.countDown();
            int older = 0;
            for (Future<Integer> f : stale) {
                older += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(0, older, "calls answered a value written before they were asked");
            assertTrue(reads.get() < threads * callsEach, "every call read alone: " + reads.get());
        } finally {
            stop.set(true);
            writer.join();
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadFailsItsCallerAndTheNextCallReadsAgain() {
        AtomicBoolean fail = new AtomicBoolean(true);
        FreshRead fresh = new FreshRead(() -> {
            if (fail.get()) {
                throw new IllegalStateException("database gone");
            }
            return 7;
        });
        assertThrows(IllegalStateException.class, fresh::get);
        fail.set(false);
        assertEquals(7, fresh.get());
    }
}
