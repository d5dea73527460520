package org.unionportal.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unionportal.core.internal.rest.StartupSettling.Decision;
import org.unionportal.core.internal.rest.StartupSettling.Look;
import org.unionportal.core.internal.rest.StartupSettling.Verdict;

class StartupSettlingTest {
    private static final long STALL_MS = 10_000;
    private static final long MAX_MS = 120_000;
    private static final Set<Long> RESOURCES = Set.of(1L, 2L, 3L);

    private final StartupSettling settling = new StartupSettling(0, STALL_MS, MAX_MS);

    private static long at(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static Look quiet(Set<String> unsatisfied, Set<Long> resources) {
        return new Look(false, false, false, false, unsatisfied, resources);
    }

    private static Look risingStartLevel(Set<Long> resources) {
        return new Look(true, false, false, false, Set.of(), resources);
    }

    @Test
    void opensOnTheSecondQuietLookWithTheSameResourcesAndNothingWaiting() {
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of(), RESOURCES), at(150)).verdict());
        Decision second = settling.next(quiet(Set.of(), RESOURCES), at(300));
        assertEquals(Verdict.SETTLED, second.verdict());
        assertEquals(List.of(), second.waitingFor());
    }

    @Test
    void waitsWhileTheStartLevelRisesThoughEveryBundleLooksStartedAndNothingWaits() {
        // on existing data: the modules' bundles are ACTIVE, SCR has not yet made their components
        for (long t = 150; t <= 9_000; t += 150) {
            Decision d = settling.next(risingStartLevel(RESOURCES), at(t));
            assertEquals(Verdict.WAIT, d.verdict(), () -> "at " + d);
            assertTrue(d.waitingFor().contains("the framework's start level rising"), d::toString);
        }
        // the modules' resources register before the raise ends
        Set<Long> withModules = Set.of(1L, 2L, 3L, 4L, 5L);
        assertEquals(Verdict.WAIT, settling.next(risingStartLevel(withModules), at(9_150)).verdict());
        assertEquals(Verdict.SETTLED, settling.next(quiet(Set.of(), withModules), at(9_300)).verdict());
    }

    @Test
    void waitsWhileAnyActivityRuns() {
        List<Look> busy = List.of(new Look(false, true, false, false, Set.of(), RESOURCES),
                new Look(false, false, true, false, Set.of(), RESOURCES), new Look(false, false, false, true, Set.of(), RESOURCES));
        long t = 0;
        for (Look look : busy) {
            for (int i = 0; i < 3; i++) {
                t += 150;
                assertEquals(Verdict.WAIT, settling.next(look, at(t)).verdict(), look::toString);
            }
        }
        assertEquals(Verdict.SETTLED, settling.next(quiet(Set.of(), RESOURCES), at(t + 150)).verdict());
    }

    @Test
    void waitsWhileResourcesKeepRegistering() {
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of(), Set.of(1L)), at(150)).verdict());
        Decision d = settling.next(quiet(Set.of(), Set.of(1L, 2L)), at(300));
        assertEquals(Verdict.WAIT, d.verdict());
        assertEquals(List.of("resources still registering"), d.waitingFor());
        assertEquals(Verdict.SETTLED, settling.next(quiet(Set.of(), Set.of(1L, 2L)), at(450)).verdict());
    }

    @Test
    void waitsForAComponentWhoseReferenceIsComingAndOpensWhenItCame() {
        settling.next(quiet(Set.of("core.Accounts"), RESOURCES), at(150));
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of("core.Accounts"), RESOURCES), at(5_000)).verdict());
        assertEquals(Verdict.SETTLED, settling.next(quiet(Set.of(), RESOURCES), at(5_150)).verdict());
    }

    @Test
    void aComponentWaitingWhileNothingHappensIsGivenUpAfterTheStallNotAfterTheLongestWait() {
        // the database was down when its pool was created: the core's components wait for a service nobody makes
        Set<String> waiting = Set.of("core.Readiness", "core.Accounts");
        for (long t = 150; t < 3_000; t += 150) {
            assertEquals(Verdict.WAIT, settling.next(risingStartLevel(RESOURCES), at(t)).verdict());
        }
        long quietSince = 3_000;
        Decision last = null;
        long t = quietSince;
        while (t < quietSince + STALL_MS) {
            last = settling.next(quiet(waiting, RESOURCES), at(t));
            assertEquals(Verdict.WAIT, last.verdict(), "at " + t);
            t += 150;
        }
        Decision stalled = settling.next(quiet(waiting, RESOURCES), at(t));
        assertEquals(Verdict.STALLED, stalled.verdict());
        assertEquals(List.of("core.Accounts", "core.Readiness"), stalled.waitingFor());
        assertTrue(t < MAX_MS);
    }

    @Test
    void aChangeInWhatWaitsStartsTheStallAgain() {
        settling.next(quiet(Set.of("a", "b"), RESOURCES), at(0));
        settling.next(quiet(Set.of("a", "b"), RESOURCES), at(9_000));
        // b got its reference: something is still coming
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of("a"), RESOURCES), at(9_500)).verdict());
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of("a"), RESOURCES), at(19_000)).verdict());
        assertEquals(Verdict.STALLED, settling.next(quiet(Set.of("a"), RESOURCES), at(19_500)).verdict());
    }

    @Test
    void opensAfterTheLongestWaitEvenWhileSomethingIsInProgress() {
        Look deploying = new Look(false, false, true, false, Set.of("x"), RESOURCES);
        assertEquals(Verdict.WAIT, settling.next(deploying, at(MAX_MS - 1)).verdict());
        Decision late = settling.next(deploying, at(MAX_MS));
        assertEquals(Verdict.LATE, late.verdict());
        assertEquals(List.of("a features deployment", "x"), late.waitingFor());
    }

    /** The gate reads the components only once nothing is in progress (or the longest wait is over): busy looks carry none. */
    @Test
    void componentsFirstSeenWhenTheBusyLooksEndAreStillWaitedFor() {
        Look busy = new Look(false, true, false, false, Set.of(), RESOURCES);
        assertEquals(Verdict.WAIT, settling.next(busy, at(100)).verdict());
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of("x"), RESOURCES), at(250)).verdict());
        assertEquals(Verdict.WAIT, settling.next(quiet(Set.of("x"), RESOURCES), at(250 + STALL_MS - 1)).verdict(),
                "the stall counts from the end of the busy looks");
        assertEquals(Verdict.SETTLED, settling.next(quiet(Set.of(), RESOURCES), at(STALL_MS + 300)).verdict());
    }

    @Test
    void isOverdueFromTheLongestWaitOn() {
        assertTrue(!settling.overdue(at(MAX_MS - 1)));
        assertTrue(settling.overdue(at(MAX_MS)));
    }
}
