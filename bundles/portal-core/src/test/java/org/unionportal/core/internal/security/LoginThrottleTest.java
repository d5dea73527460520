package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.core.internal.Concurrently;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/**
 * The login throttle in the database (Derby, or PostgreSQL with {@code -Dunionportal.test.postgresql}), as every node of
 * a cluster shares it. One database for the class (the portal's migrations once, not per test): each test starts with
 * no counters, the throttle's only table emptied.
 */
class LoginThrottleTest {
    @TempDir
    static Path dir;

    private static ModuleTestDatabase db;
    private final MutableClock clock = new MutableClock();
    private LoginThrottle throttle;

    @BeforeAll
    static void database() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    @BeforeEach
    void noCounters() {
        db.inTransaction(c -> org.unionportal.api.db.Jdbc.update(c, "DELETE FROM PORTAL_LOGIN_THROTTLE"));
        throttle = new LoginThrottle(db, clock);
    }

    private void fail(LoginThrottle t, String name, String address) {
        t.begin(name, address); // counted before the password check; a failure leaves it counted
    }

    private void fail(String name) {
        fail(throttle, name, null);
    }

    private void succeed(String name, String address) {
        throttle.succeeded(throttle.begin(name, address));
    }

    @Test
    void locksAfterFiveFailuresInARow() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            fail("admin");
            assertTrue(throttle.lockedFor("admin").isEmpty(), "failure " + (i + 1) + " must not lock yet");
        }
        fail("admin");
        assertEquals(LoginThrottle.FIRST_LOCK, throttle.lockedFor("admin").orElseThrow());
        LoginThrottle.Locked refused = assertThrows(LoginThrottle.Locked.class, () -> throttle.begin("admin", null));
        assertEquals(LoginThrottle.FIRST_LOCK, refused.waitFor());
    }

    @Test
    void lockExpiresAndDoublesWithFurtherFailures() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("Admin ");
        }
        clock.advance(LoginThrottle.FIRST_LOCK.plusSeconds(1));
        assertTrue(throttle.lockedFor("admin").isEmpty());
        fail("admin");
        assertEquals(LoginThrottle.FIRST_LOCK.multipliedBy(2), throttle.lockedFor("admin").orElseThrow());
    }

    @Test
    void lockNeverExceedsTheLongest() {
        for (int i = 0; i < 20; i++) {
            fail("x");
            clock.advance(LoginThrottle.LONGEST_LOCK.plusSeconds(1));
        }
        fail("x");
        assertEquals(LoginThrottle.LONGEST_LOCK, throttle.lockedFor("x").orElseThrow());
    }

    @Test
    void successResetsAndOtherNamesAreUnaffected() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            fail("a");
        }
        succeed("a", null);
        fail("a");
        assertTrue(throttle.lockedFor("a").isEmpty());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("b");
        }
        assertTrue(throttle.lockedFor("a").isEmpty());
        assertTrue(throttle.lockedFor("b").isPresent());
    }

    @Test
    void theRightPasswordOnTheLastFreeAttemptLeavesNoLock() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            fail("a");
        }
        LoginThrottle.Attempt last = throttle.begin("a", null);
        assertTrue(throttle.lockedFor("a").isPresent(), "the last free attempt locks in advance, while it is checked");
        throttle.succeeded(last);
        assertTrue(throttle.lockedFor("a").isEmpty());
    }

    @Test
    void parallelGuessesGetExactlyTheFreeAttempts() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        List<Boolean> allowed = Concurrently.run(40, () -> {
            try {
                throttle.begin("admin", null);
                return true;
            } catch (LoginThrottle.Locked locked) {
                refused.incrementAndGet();
                return false;
            }
        });
        assertEquals(LoginThrottle.FREE_FAILURES, allowed.stream().filter(a -> a).count(), "allowed: " + allowed);
        assertEquals(40 - LoginThrottle.FREE_FAILURES, refused.get());
    }

    @Test
    void parallelGuessesFromOneAddressForManyNamesGetExactlyTheAddressesFreeAttempts() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<Boolean> allowed = Concurrently.run(45, () -> {
            try {
                throttle.begin("guess-" + n.incrementAndGet(), "203.0.113.7");
                return true;
            } catch (LoginThrottle.Locked locked) {
                return false;
            }
        });
        assertEquals(LoginThrottle.FREE_FAILURES_PER_ADDRESS, allowed.stream().filter(a -> a).count());
        assertEquals((long) LoginThrottle.FREE_FAILURES_PER_ADDRESS, (long) db.read(c -> org.unionportal.api.db.Jdbc.count(c,
                "SELECT COUNT(*) FROM PORTAL_LOGIN_THROTTLE WHERE KIND = 'NAME'")), "a refused attempt counted for its name");
    }

    @Test
    void aRefusedAttemptCountsForNeither() {
        String address = "203.0.113.8";
        LoginThrottle strict = new LoginThrottle(db, clock, 2);
        fail(strict, "one", address);
        fail(strict, "two", address);
        assertThrows(LoginThrottle.Locked.class, () -> strict.begin("three", address));
        assertTrue(db.read(c -> org.unionportal.api.db.Jdbc.count(c,
                "SELECT COUNT(*) FROM PORTAL_LOGIN_THROTTLE WHERE KEY_VALUE = 'three'")) == 0, "the refused name was counted");
    }

    @Test
    void oneAddressTryingManyNamesIsLocked() {
        String address = "203.0.113.7";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            fail(throttle, "guess-" + i, address);
            assertTrue(throttle.lockedFor("anyone", address).isEmpty(), "failure " + (i + 1) + " must not lock the address yet");
        }
        fail(throttle, "guess-last", address);
        assertEquals(LoginThrottle.FIRST_LOCK, throttle.lockedFor("anyone", address).orElseThrow());
        assertTrue(throttle.lockedFor("anyone", "198.51.100.1").isEmpty(), "another address is locked too");
        assertTrue(throttle.lockedFor("anyone").isEmpty(), "the consoles (no address) are locked by a web client's address");
    }

    @Test
    void aSuccessDoesNotResetTheAddressButQuietTimeDoes() {
        String address = "2001:db8::1";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            fail(throttle, "guess-" + i, address);
            succeed("known", address);
        }
        assertTrue(throttle.lockedFor("known", address).isEmpty(), "a success counted as a failure of the address");
        fail(throttle, "guess", address);
        assertTrue(throttle.lockedFor("known", address).isPresent(), "successes in between reset the address's count");

        clock.advance(LoginThrottle.ADDRESS_QUIET.plusSeconds(1));
        fail(throttle, "guess", address);
        assertTrue(throttle.lockedFor("known", address).isEmpty(), "the count did not start over after a quiet time");
    }

    @Test
    void noPerAddressLimitWhenTurnedOff() {
        LoginThrottle behindAProxy = new LoginThrottle(db, clock, 0);
        for (int i = 0; i < 100; i++) {
            fail(behindAProxy, "guess-" + i, "10.0.0.1");
        }
        assertTrue(behindAProxy.lockedFor("anyone", "10.0.0.1").isEmpty());
    }

    @Test
    void countersWithoutAFailureForADayAreForgotten() {
        fail("old");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("locked");
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plus(Duration.ofSeconds(1)));
        fail("recent");
        assertEquals(2, (int) db.inTransaction(c -> LoginThrottle.forgetOld(c, clock.instant())));
        assertEquals(1L, (long) db.read(c -> org.unionportal.api.db.Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_LOGIN_THROTTLE")));
    }

    @Test
    void lockDoublesFromTheFreeFailureOnUpToTheLongest() {
        assertEquals(Duration.ZERO, ThrottleRules.lock(4, 5));
        assertEquals(Duration.ofMinutes(1), ThrottleRules.lock(5, 5));
        assertEquals(Duration.ofMinutes(2), ThrottleRules.lock(6, 5));
        assertEquals(Duration.ofMinutes(8), ThrottleRules.lock(8, 5));
        assertEquals(LoginThrottle.LONGEST_LOCK, ThrottleRules.lock(9, 5));
        assertEquals(LoginThrottle.LONGEST_LOCK, ThrottleRules.lock(500, 5));
    }
}
