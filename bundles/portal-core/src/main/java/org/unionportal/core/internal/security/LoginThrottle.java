package org.unionportal.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, per username and per client address.
 *
 * <p>Per username: after {@value #FREE_FAILURES} failures in a row the name is locked for a minute, doubling with
 * each further failure up to 15 minutes; a success starts over. Known and unknown names are treated alike, so the
 * lock tells nothing about which users exist.
 *
 * <p>Per client address: after {@value #FREE_FAILURES_PER_ADDRESS} failures (for any names, successes in between
 * do not count) the address is locked the same way; its count starts over after {@link #ADDRESS_QUIET} without a
 * failure. This stops one client from trying many names, or from flooding the table with invented ones. The
 * address is the TCP peer's ({@code getRemoteAddr()}); {@code X-Forwarded-For} is not trusted, since any client
 * can write it. Behind a reverse proxy every client has the proxy's address, so the per-address limit then holds
 * for all of them together: set {@code login.failuresPerAddress} to 0 there and limit at the proxy.
 *
 * <p>Kept in memory and bounded: when a table is full the entries that lock nothing go first, oldest failure
 * first, and only then the oldest locks, so a flood of invented names cannot unlock a real account. A restart
 * clears it, which costs an attacker a restart they cannot cause.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 30;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration ADDRESS_QUIET = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Table names;
    private final Table addresses;

    public LoginThrottle(Clock clock) {
        this(clock, FREE_FAILURES_PER_ADDRESS, MAX_TRACKED);
    }

    /** @param failuresPerAddress free failures per client address; 0 turns the per-address limit off */
    public LoginThrottle(Clock clock, int failuresPerAddress, int maxTracked) {
        this.clock = clock;
        this.names = new Table(FREE_FAILURES, null, maxTracked);
        this.addresses = failuresPerAddress > 0 ? new Table(failuresPerAddress, ADDRESS_QUIET, maxTracked) : null;
    }

    /** How long the caller must still wait before trying this username again, if at all. */
    public Optional<Duration> lockedFor(String username) {
        return names.lockedFor(key(username), clock.instant());
    }

    /** How long a client at {@code address} (null: unknown) must wait before trying this username, if at all. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> name = names.lockedFor(key(username), now);
        Optional<Duration> client = addresses == null || address == null ? Optional.empty() : addresses.lockedFor(address, now);
        if (name.isPresent() && client.isPresent()) {
            return Optional.of(name.get().compareTo(client.get()) >= 0 ? name.get() : client.get());
        }
        return name.isPresent() ? name : client;
    }

    public void failed(String username) {
        failed(username, null);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        names.failed(key(username), now);
        if (addresses != null && address != null) {
            addresses.failed(address, now);
        }
    }

    /** A success clears the name's failures; the address keeps its count (one known password must not reset it). */
    public void succeeded(String username) {
        names.remove(key(username));
    }

    int trackedNames() {
        return names.size();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
        boolean locks(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** Failures by key, in order of the last failure (oldest first), bounded. */
    private static final class Table {
        private final int freeFailures;
        private final Duration forgetAfter;
        private final int max;
        private final Map<String, Failures> entries = new LinkedHashMap<>();

        Table(int freeFailures, Duration forgetAfter, int max) {
            this.freeFailures = freeFailures;
            this.forgetAfter = forgetAfter;
            this.max = Math.max(10, max);
        }

        synchronized Optional<Duration> lockedFor(String key, Instant now) {
            Failures f = entries.get(key);
            return f == null || !f.locks(now) ? Optional.empty() : Optional.of(Duration.between(now, f.lockedUntil()));
        }

        synchronized void failed(String key, Instant now) {
            Failures f = entries.remove(key); // and put back at the end: the newest failure
            boolean forgotten = f != null && forgetAfter != null && f.last().plus(forgetAfter).isBefore(now);
            int count = f == null || forgotten ? 1 : f.count() + 1;
            Instant lockedUntil = null;
            if (count >= freeFailures) {
                long factor = 1L << Math.min(count - freeFailures, 10);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            Failures latest = new Failures(count, now, lockedUntil);
            if (entries.size() >= max) {
                evict(now);
            }
            entries.put(key, latest);
        }

        /**
         * Down to nine tenths, before the latest failure is put: first what locks nothing (oldest first), then, only
         * if needed, the oldest locks.
         */
        private void evict(Instant now) {
            int target = max - max / 10 - 1;
            for (Iterator<Failures> it = entries.values().iterator(); it.hasNext() && entries.size() > target; ) {
                if (!it.next().locks(now)) {
                    it.remove();
                }
            }
            for (Iterator<Failures> it = entries.values().iterator(); it.hasNext() && entries.size() > target; ) {
                it.next();
                it.remove();
            }
        }

        synchronized void remove(String key) {
            entries.remove(key);
        }

        synchronized int size() {
            return entries.size();
        }
    }
}
