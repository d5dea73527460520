package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void locksAfterFiveFailuresInARow() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("admin");
            assertTrue(throttle.lockedFor("admin").isEmpty(), "failure " + (i + 1) + " must not lock yet");
        }
        throttle.failed("admin");
        assertEquals(LoginThrottle.FIRST_LOCK, throttle.lockedFor("admin").orElseThrow());
    }

    @Test
    void lockExpiresAndDoublesWithFurtherFailures() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("Admin ");
        }
        clock.advance(LoginThrottle.FIRST_LOCK.plusSeconds(1));
        assertTrue(throttle.lockedFor("admin").isEmpty());
        throttle.failed("admin");
        assertEquals(LoginThrottle.FIRST_LOCK.multipliedBy(2), throttle.lockedFor("admin").orElseThrow());
    }

    @Test
    void lockNeverExceedsTheLongest() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("x");
        }
        assertEquals(LoginThrottle.LONGEST_LOCK, throttle.lockedFor("x").orElseThrow());
    }

    @Test
    void successResetsAndOtherNamesAreUnaffected() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("a");
        }
        throttle.succeeded("a");
        throttle.failed("a");
        assertTrue(throttle.lockedFor("a").isEmpty());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("b");
        }
        assertTrue(throttle.lockedFor("a").isEmpty());
        assertTrue(throttle.lockedFor("b").isPresent());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
