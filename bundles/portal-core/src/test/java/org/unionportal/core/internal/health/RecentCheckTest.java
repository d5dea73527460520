package org.unionportal.core.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentCheckTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger checks = new AtomicInteger();
    private final RecentCheck<Integer> recent = new RecentCheck<>(checks::incrementAndGet, Duration.ofSeconds(1), now::get);

    @Test
    void answersFromTheLastCheckWithinTheMaximumAge() {
        assertEquals(1, recent.get());
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(1, recent.get());
        assertEquals(1, checks.get());
    }

    @Test
    void checksAgainOnceTheAnswerIsTooOld() {
        assertEquals(1, recent.get());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(2, recent.get());
        assertEquals(2, recent.get());
    }

    @Test
    void checksAgainAtOnceAfterAnInvalidation() {
        assertEquals(1, recent.get());
        recent.invalidate();
        assertEquals(2, recent.get());
        assertEquals(2, recent.get());
    }

    @Test
    void anInvalidationDuringACheckLeavesThatAnswerStale() {
        AtomicInteger calls = new AtomicInteger();
        RecentCheck<Integer>[] self = new RecentCheck[1];
        self[0] = new RecentCheck<>(() -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                self[0].invalidate(); // a bundle came while the first check was reading
            }
            return n;
        }, Duration.ofSeconds(1), now::get);
        assertEquals(1, self[0].get());
        assertEquals(2, self[0].get());
        assertEquals(2, self[0].get());
    }
}
