package org.unionportal.core.internal.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;

/**
 * Slows down password guessing, per username and per client address, in the database ({@code PORTAL_LOGIN_THROTTLE}),
 * so every portal node on it counts the same attempts.
 *
 * <p>Per username: after {@value #FREE_FAILURES} failures in a row the name is locked for a minute, doubling with
 * each further failure up to 15 minutes; a success starts over. Known and unknown names are treated alike, so the
 * lock tells nothing about which users exist.
 *
 * <p>Per client address: after {@value #FREE_FAILURES_PER_ADDRESS} failures (for any names, successes in between
 * do not count) the address is locked the same way; its count starts over after {@link #ADDRESS_QUIET} without a
 * failure. The address is the TCP peer's ({@code getRemoteAddr()}); {@code X-Forwarded-For} is not trusted, since
 * any client can write it. Behind a reverse proxy or load balancer every client has the proxy's address, so set
 * {@code login.failuresPerAddress} to 0 there and limit at the proxy.
 *
 * <p>An attempt is counted <em>before</em> its password is checked, in one short transaction that locks the
 * counter rows ({@link #begin}); the attempt that reaches the limit also sets the lock at once. So parallel guesses
 * (on one node or many) get exactly the free attempts, never one each. A success takes its attempt back
 * ({@link #succeeded}). Rows unchanged for {@link #FORGET_AFTER} are deleted by the cleaning job.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 30;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration ADDRESS_QUIET = Duration.ofMinutes(15);
    /** Counters without a failure for this long are forgotten (a day: far longer than the longest lock). */
    public static final Duration FORGET_AFTER = Duration.ofDays(1);
    static final String NAME = "NAME";
    static final String ADDRESS = "ADDRESS";
    private static final int MAX_KEY = 200;

    private final PortalDatabase db;
    private final Clock clock;
    private final int failuresPerAddress;

    public LoginThrottle(PortalDatabase db, Clock clock) {
        this(db, clock, FREE_FAILURES_PER_ADDRESS);
    }

    /** @param failuresPerAddress free failures per client address; 0 turns the per-address limit off */
    public LoginThrottle(PortalDatabase db, Clock clock, int failuresPerAddress) {
        this.db = db;
        this.clock = clock;
        this.failuresPerAddress = Math.max(0, failuresPerAddress);
    }

    /** An attempt counted against a name (and an address, if any), to be taken back when it succeeds. */
    public record Attempt(String name, String address, Instant at, Instant nameLockSet, Instant addressLockSet) {
    }

    /** An attempt is refused: wait this long. */
    public static final class Locked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Duration wait;

        Locked(Duration wait) {
            super("locked for " + wait, null, false, false);
            this.wait = wait;
        }

        public Duration waitFor() {
            return wait;
        }
    }

    /**
     * Counts an attempt for {@code username} from {@code address} (null: unknown), or throws {@link Locked} with the
     * longer of the two waits (and counts nothing) when either is locked.
     */
    public Attempt begin(String username, String address) {
        String name = key(username);
        String client = failuresPerAddress == 0 || address == null || address.isBlank() ? null : cut(address.strip());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return db.inTransaction(c -> {
            Counted byName = count(c, NAME, name, FREE_FAILURES, null, now);
            Counted byAddress = client == null ? Counted.NOTHING : count(c, ADDRESS, client, failuresPerAddress, ADDRESS_QUIET, now);
            if (byName.lockedFor() != null || byAddress.lockedFor() != null) {
                // counts nothing: the caller is refused, the rows were only locked (undone with the transaction)
                throw new Locked(longer(byName.lockedFor(), byAddress.lockedFor()));
            }
            return new Attempt(name, client, now, byName.lockSet(), byAddress.lockSet());
        });
    }

    /** The attempt's password was right: the name starts over; the address's count is given back (one success does not reset it). */
    public void succeeded(Attempt attempt) {
        db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM PORTAL_LOGIN_THROTTLE WHERE KIND = ? AND KEY_VALUE = ?", NAME, attempt.name());
            if (attempt.address() != null) {
                Jdbc.update(c, "UPDATE PORTAL_LOGIN_THROTTLE SET FAILURES = FAILURES - 1 WHERE KIND = ? AND KEY_VALUE = ? AND FAILURES > 0",
                        ADDRESS, attempt.address());
                if (attempt.addressLockSet() != null) {
                    // the lock this attempt set in advance goes, unless a later failure moved it on
                    Jdbc.update(c, "UPDATE PORTAL_LOGIN_THROTTLE SET LOCKED_UNTIL = NULL WHERE KIND = ? AND KEY_VALUE = ? AND LOCKED_UNTIL = ?",
                            ADDRESS, attempt.address(), Timestamp.from(attempt.addressLockSet()));
                }
            }
            return null;
        });
    }

    /** How long a caller must still wait before trying this username, if at all (reads only). */
    public Optional<Duration> lockedFor(String username) {
        Instant now = clock.instant();
        return db.read(c -> lockedUntil(c, NAME, key(username))).filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** How long a client at {@code address} must wait before trying this username, if at all (reads only). */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        String client = failuresPerAddress == 0 || address == null ? null : cut(address.strip());
        Optional<Instant> name = db.read(c -> lockedUntil(c, NAME, key(username))).filter(until -> until.isAfter(now));
        Optional<Instant> byAddress = client == null ? Optional.empty()
                : db.read(c -> lockedUntil(c, ADDRESS, client)).filter(until -> until.isAfter(now));
        Duration wait = longer(name.map(u -> Duration.between(now, u)).orElse(null), byAddress.map(u -> Duration.between(now, u)).orElse(null));
        return Optional.ofNullable(wait);
    }

    /** Deletes counters that lock nothing and saw no failure for {@link #FORGET_AFTER}. */
    public static int forgetOld(Connection c, Instant now) throws SQLException {
        Timestamp before = Timestamp.from(now.minus(FORGET_AFTER));
        return Jdbc.update(c, "DELETE FROM PORTAL_LOGIN_THROTTLE WHERE LAST_FAILURE_AT < ? AND (LOCKED_UNTIL IS NULL OR LOCKED_UNTIL < ?)",
                before, Timestamp.from(now));
    }

    /** What counting did to one row: refused (lockedFor), or counted (lockSet: the lock it set in advance, if any). */
    private record Counted(Duration lockedFor, Instant lockSet) {
        static final Counted NOTHING = new Counted(null, null);
    }

    private static Counted count(Connection c, String kind, String key, int free, Duration quiet, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        // a count whose last failure is older than the quiet time starts over (names: never)
        Timestamp forgottenBefore = Timestamp.from(quiet == null ? Instant.EPOCH : now.minus(quiet));
        for (int round = 0; round < 3; round++) {
            // the UPDATE locks the row: concurrent attempts for this key queue here and each sees the one before
            int updated = Jdbc.update(c, "UPDATE PORTAL_LOGIN_THROTTLE SET FAILURES = CASE WHEN LAST_FAILURE_AT < ? THEN 1 "
                            + "ELSE FAILURES + 1 END, LAST_FAILURE_AT = ? WHERE KIND = ? AND KEY_VALUE = ? "
                            + "AND (LOCKED_UNTIL IS NULL OR LOCKED_UNTIL <= ?)", forgottenBefore, at, kind, key, at);
            if (updated == 1) {
                int failures = Jdbc.one(c, "SELECT FAILURES FROM PORTAL_LOGIN_THROTTLE WHERE KIND = ? AND KEY_VALUE = ?",
                        rs -> rs.getInt(1), kind, key).orElseThrow();
                if (failures < free) {
                    return new Counted(null, null);
                }
                Instant until = now.plus(ThrottleRules.lock(failures, free));
                Jdbc.update(c, "UPDATE PORTAL_LOGIN_THROTTLE SET LOCKED_UNTIL = ? WHERE KIND = ? AND KEY_VALUE = ?",
                        Timestamp.from(until), kind, key);
                return new Counted(null, until);
            }
            Optional<Instant> lockedUntil = lockedUntil(c, kind, key);
            if (lockedUntil.isPresent()) {
                return new Counted(Duration.between(now, lockedUntil.get()), null);
            }
            if (insertFirst(c, kind, key, free, at, now)) {
                return new Counted(null, free <= 1 ? now.plus(ThrottleRules.lock(1, free)) : null);
            }
            // another attempt inserted the row first: count on it
        }
        throw new SQLException("The login throttle row " + kind + " " + key + " could not be counted", "40001");
    }

    private static boolean insertFirst(Connection c, String kind, String key, int free, Timestamp at, Instant now) throws SQLException {
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            Timestamp lock = free <= 1 ? Timestamp.from(now.plus(ThrottleRules.lock(1, free))) : null;
            Jdbc.update(c, "INSERT INTO PORTAL_LOGIN_THROTTLE (KIND, KEY_VALUE, FAILURES, LAST_FAILURE_AT, LOCKED_UNTIL) VALUES (?, ?, 1, ?, ?)",
                    kind, key, at, lock);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);  // PostgreSQL: the transaction goes on only after this
            }
            return false;
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
        return true;
    }

    private static Optional<Instant> lockedUntil(Connection c, String kind, String key) throws SQLException {
        return Jdbc.one(c, "SELECT LOCKED_UNTIL FROM PORTAL_LOGIN_THROTTLE WHERE KIND = ? AND KEY_VALUE = ?",
                rs -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), kind, key).flatMap(t -> t);
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    static String key(String username) {
        return cut(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String cut(String s) {
        return s.length() <= MAX_KEY ? s : s.substring(0, MAX_KEY);
    }
}
