package org.unionportal.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per username: after {@value #FREE_FAILURES} failures in a row the
 * name is locked for a minute, doubling with each further failure up to 15 minutes. Known and
 * unknown names are treated alike, so the lock tells nothing about which users exist. Kept in
 * memory: a restart clears it, which costs an attacker a restart they cannot cause.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before trying this username again, if at all. */
    public Optional<Duration> lockedFor(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.lockedUntil == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void failed(String username) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // bounded memory under a flood of made-up names
        }
        failures.compute(key(username), (k, f) -> {
            int count = f == null ? 1 : f.count + 1;
            Instant lockedUntil = null;
            if (count >= FREE_FAILURES) {
                long factor = 1L << Math.min(count - FREE_FAILURES, 10);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                lockedUntil = clock.instant().plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new Failures(count, lockedUntil);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lockedUntil) {
    }
}
