package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.core.internal.cluster.PolledClusterEvents;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** Two nodes' {@link Accounts} on one database: each keeps checked sessions, and ends them when the other says so. */
class SessionsAcrossNodesTest {
    private static final String PASSWORD = "Start-1234!";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private ModuleTestDatabase db;
    private PolledClusterEvents eventsOfB;
    private Accounts a;
    private Accounts b;

    @BeforeEach
    void twoNodes() {
        db = ModuleTestDatabase.create(dir, "portal");
        a = new Accounts(db, new PolledClusterEvents(db, "a", clock), AccountsTest.config(), clock);
        eventsOfB = new PolledClusterEvents(db, "b", clock);
        b = new Accounts(db, eventsOfB, AccountsTest.config(), clock);
    }

    @Test
    void aCheckedSessionIsServedWithoutReadingItsRow() {
        String token = a.login("admin", PASSWORD).token();
        assertTrue(b.authenticate(token).isPresent());
        // the row gone behind the cache's back (no event): the kept check still answers, within its trust
        db.inTransaction(c -> Jdbc.update(c, "DELETE FROM PORTAL_SESSION"));
        assertTrue(b.authenticate(token).isPresent(), "the session row was read again");
        clock.advance(SessionCache.TRUST);
        assertTrue(b.authenticate(token).isEmpty(), "trusted beyond " + SessionCache.TRUST);
    }

    @Test
    void aLogoutOnOneNodeEndsTheSessionOnTheOtherOnceItHearsOfIt() {
        String token = a.login("admin", PASSWORD).token();
        assertTrue(b.authenticate(token).isPresent());
        a.logout(token, "admin");
        assertTrue(a.authenticate(token).isEmpty());
        assertEquals(1, eventsOfB.pollOnce());
        assertTrue(b.authenticate(token).isEmpty(), "node b still serves a token logged out on node a");
    }

    @Test
    void endingAUsersSessionsEndsThemOnEveryNode() {
        String first = a.login("admin", PASSWORD).token();
        String second = b.login("admin", PASSWORD).token();
        long admin = b.authenticate(first).orElseThrow().id();
        assertTrue(b.authenticate(second).isPresent());
        assertEquals(2, a.endSessionsOf(admin));
        assertTrue(a.authenticate(first).isEmpty());
        eventsOfB.pollOnce();
        assertTrue(b.authenticate(first).isEmpty());
        assertTrue(b.authenticate(second).isEmpty());
    }

    @Test
    void theCacheNeverKeepsASessionBeyondItsIdleTime() {
        String token = a.login("admin", PASSWORD).token();
        Duration idle = Duration.ofMinutes(AccountsTest.config().session_idleMinutes());
        // used on node a only (each use within a minute of the last touch), then idle
        for (Duration used = Duration.ZERO; used.compareTo(Duration.ofMinutes(3)) < 0; used = used.plusSeconds(4)) {
            assertTrue(a.authenticate(token).isPresent());
            assertTrue(b.authenticate(token).isPresent());
            clock.advance(Duration.ofSeconds(4));
        }
        // the idle time counts from the last recorded use (written at most once a minute)
        java.time.Instant expires = db.read(c -> Jdbc.one(c, "SELECT EXPIRES_AT FROM PORTAL_SESSION", rs -> rs.getTimestamp(1).toInstant()))
                .orElseThrow();
        assertTrue(expires.isAfter(clock.instant().plus(idle).minus(SessionCache.TOUCH_INTERVAL).minusSeconds(5)), "not lengthened by use");
        clock.advance(Duration.between(clock.instant(), expires).plusSeconds(1));
        assertTrue(a.authenticate(token).isEmpty(), "used after its idle time on node a");
        assertTrue(b.authenticate(token).isEmpty(), "used after its idle time on node b");
    }
}
