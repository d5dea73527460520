package org.unionportal.core.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.unionportal.api.security.PortalUser;

/**
 * Sessions this node checked recently, so that a request does not read its session row: an entry is trusted until
 * the first of its session's expiry as read from the database (the cache never lengthens a session), {@link #TRUST}
 * after it was read (roles, enabled flag) and {@link #TOUCH_INTERVAL} after the session's last recorded use (then the
 * row is read and its use recorded, which is what lengthens it). Ended sessions are dropped by
 * {@link #forgetToken}/{@link #forgetUser}/{@link #forgetAll}, on every node through the cluster event
 * {@link #TOPIC}.
 *
 * <p>A check that read the database before an invalidation must not put its old answer back after it: each
 * invalidation moves a counter, and {@link #put} keeps nothing read under an older counter.
 */
final class SessionCache {
    /** The cluster event topic; payload {@code token:<hash>}, {@code user:<id>} or {@code all}. */
    static final String TOPIC = "portal.sessions";
    /** How long a checked user (roles, enabled) is trusted without reading it again, as a bound if an event is lost. */
    static final Duration TRUST = Duration.ofSeconds(5);
    /** A session's last use is written at most this often, so reads stay reads. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX = 10_000;

    /** A session as read at {@code checkedAt}; {@code mustChangePassword}: the user's password was reset by an administrator. */
    record Entry(PortalUser user, boolean mustChangePassword, Instant expiresAt, Instant lastUsedAt, Instant checkedAt) {
        boolean trustedAt(Instant now) {
            return now.isBefore(expiresAt) && now.isBefore(checkedAt.plus(TRUST)) && now.isBefore(lastUsedAt.plus(TOUCH_INTERVAL));
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    /** The trusted entry for {@code tokenHash}. */
    Optional<Entry> trusted(String tokenHash, Instant now) {
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.trustedAt(now)) {
            entries.remove(tokenHash, e);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** Read before reading the database for {@link #put}. */
    long mark() {
        return invalidations.get();
    }

    /** Keeps {@code e}, unless an invalidation happened since {@code mark}. */
    void put(String tokenHash, Entry e, long mark) {
        if (entries.size() >= MAX) {
            entries.clear(); // crude but bounded; the next requests simply read again
        }
        entries.put(tokenHash, e);
        if (invalidations.get() != mark) {
            entries.remove(tokenHash, e);
        }
    }

    void forgetToken(String tokenHash) {
        invalidations.incrementAndGet();
        entries.remove(tokenHash);
    }

    void forgetUser(long userId) {
        invalidations.incrementAndGet();
        entries.values().removeIf(e -> e.user().id() == userId);
    }

    void forgetAll() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    /** Applies an invalidation heard from the cluster. */
    void apply(String payload) {
        if (payload == null || payload.equals("all")) {
            forgetAll();
        } else if (payload.startsWith("token:")) {
            forgetToken(payload.substring("token:".length()));
        } else if (payload.startsWith("user:")) {
            try {
                forgetUser(Long.parseLong(payload.substring("user:".length())));
            } catch (NumberFormatException e) {
                forgetAll();
            }
        } else {
            forgetAll();
        }
    }

    int size() {
        return entries.size();
    }
}
