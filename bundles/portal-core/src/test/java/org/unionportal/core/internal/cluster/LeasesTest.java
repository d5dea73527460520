package org.unionportal.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.core.internal.Concurrently;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** Leases and the cleaning job on Derby: one holder at a time, however many nodes try at once. */
class LeasesTest {
    private static final Duration TTL = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private ModuleTestDatabase db;

    @BeforeEach
    void database() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    private boolean take(String holder) {
        Instant now = clock.instant();
        return db.inTransaction(c -> Leases.acquire(c, "job", holder, now, TTL));
    }

    @Test
    void aLeaseIsOneNodesUntilItExpiresOrIsReleased() {
        assertTrue(take("a"), "a new lease is free");
        assertFalse(take("b"), "b took a's lease");
        assertTrue(take("a"), "the holder renews");
        clock.advance(TTL.plusSeconds(1));
        assertTrue(take("b"), "an expired lease is free");
        assertFalse(take("a"));
        assertEquals("b", db.read(c -> Leases.holder(c, "job", clock.instant())).orElseThrow());
        Instant now = clock.instant();
        assertFalse((boolean) db.inTransaction(c -> Leases.release(c, "job", "a", now)), "a released b's lease");
        assertTrue((boolean) db.inTransaction(c -> Leases.release(c, "job", "b", now)));
        assertTrue(db.read(c -> Leases.holder(c, "job", now)).isEmpty());
        assertTrue(take("a"), "a released lease is free at once");
    }

    @Test
    void ofManyNodesTakingANewLeaseAtOnceExactlyOneGetsIt() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<Boolean> taken = Concurrently.run(12, () -> take("node-" + n.incrementAndGet()));
        assertEquals(1, taken.stream().filter(t -> t).count(), "taken: " + taken);
    }

    @Test
    void ofManyNodesTakingAnExpiredLeaseAtOnceExactlyOneGetsIt() throws Exception {
        assertTrue(take("old"));
        clock.advance(TTL.plusSeconds(1));
        AtomicInteger n = new AtomicInteger();
        List<Boolean> taken = Concurrently.run(12, () -> take("node-" + n.incrementAndGet()));
        assertEquals(1, taken.stream().filter(t -> t).count(), "taken: " + taken);
    }

    @Test
    void theCleaningJobRunsOnOneNodePerPeriodAndDeletesExpiredSessions() {
        db.inTransaction(c -> {
            long city = AccountStore.addOrganisation(c, null, "市总工会", "CITY");
            long user = AccountStore.addUser(c, "admin", "平台管理员", city, null, "x", java.util.Set.of());
            AccountStore.addSession(c, "expired", user, clock.instant().minusSeconds(7200), clock.instant().minusSeconds(1));
            AccountStore.addSession(c, "current", user, clock.instant(), clock.instant().plusSeconds(3600));
            return null;
        });
        CleaningJob a = new CleaningJob(db, "a", clock);
        CleaningJob b = new CleaningJob(db, "b", clock);
        CleaningJob.Result first = a.runOnce();
        assertTrue(first.ran());
        assertEquals(1, first.sessions());
        assertFalse(b.runOnce().ran(), "two nodes cleaned in one period");
        clock.advance(CleaningJob.EVERY);
        assertTrue(b.runOnce().ran(), "the next period's lease was not free");
        assertEquals(List.of("current"), db.read(c -> Jdbc.list(c, "SELECT TOKEN_HASH FROM PORTAL_SESSION", rs -> rs.getString(1))));
    }
}
