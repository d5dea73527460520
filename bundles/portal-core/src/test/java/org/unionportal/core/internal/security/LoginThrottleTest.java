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

    @Test
    void aFloodOfInventedNamesDoesNotUnlockARealAccount() {
        LoginThrottle small = new LoginThrottle(clock, 0, 1_000);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            small.failed("admin");
        }
        assertTrue(small.lockedFor("admin").isPresent());
        for (int i = 0; i < 5_000; i++) {
            small.failed("invented-" + i);
        }
        assertTrue(small.lockedFor("admin").isPresent(), "the flood unlocked admin");
        assertTrue(small.trackedNames() <= 1_000, "the table is not bounded: " + small.trackedNames());
    }

    @Test
    void whenEverythingLocksTheOldestLockGoesFirst() {
        LoginThrottle small = new LoginThrottle(clock, 0, 100);
        for (int n = 0; n <= 100; n++) {
            for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                small.failed("name-" + n);
            }
            clock.advance(Duration.ofMillis(10));
        }
        assertTrue(small.trackedNames() <= 100);
        assertTrue(small.lockedFor("name-0").isEmpty(), "the oldest lock is kept while the table is full of locks");
        assertTrue(small.lockedFor("name-100").isPresent(), "the newest lock was dropped");
    }

    @Test
    void oneAddressTryingManyNamesIsLocked() {
        String address = "203.0.113.7";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            throttle.failed("guess-" + i, address);
            assertTrue(throttle.lockedFor("anyone", address).isEmpty(), "failure " + (i + 1) + " must not lock the address yet");
        }
        throttle.failed("guess-last", address);
        assertEquals(LoginThrottle.FIRST_LOCK, throttle.lockedFor("anyone", address).orElseThrow());
        assertTrue(throttle.lockedFor("anyone", "198.51.100.1").isEmpty(), "another address is locked too");
        assertTrue(throttle.lockedFor("anyone").isEmpty(), "the consoles (no address) are locked by a web client's address");
    }

    @Test
    void aSuccessDoesNotResetTheAddressButQuietTimeDoes() {
        String address = "2001:db8::1";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            throttle.failed("guess-" + i, address);
            throttle.succeeded("known");
        }
        throttle.failed("guess", address);
        assertTrue(throttle.lockedFor("known", address).isPresent(), "successes in between reset the address's count");

        clock.advance(LoginThrottle.ADDRESS_QUIET.plusSeconds(1));
        throttle.failed("guess", address);
        assertTrue(throttle.lockedFor("known", address).isEmpty(), "the count did not start over after a quiet time");
    }

    @Test
    void noPerAddressLimitWhenTurnedOff() {
        LoginThrottle behindAProxy = new LoginThrottle(clock, 0, 1_000);
        for (int i = 0; i < 100; i++) {
            behindAProxy.failed("guess-" + i, "10.0.0.1");
        }
        assertTrue(behindAProxy.lockedFor("anyone", "10.0.0.1").isEmpty());
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
