package org.unionportal.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** Two nodes' event polling on one database (the pollers are driven by hand, no timers). */
class ClusterEventsTest {
    @TempDir
    Path dir;
    private ModuleTestDatabase db;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    @Test
    void anEventReachesTheOtherNodesNotItsOwnAndOnlyOnce() {
        PolledClusterEvents a = new PolledClusterEvents(db, "a", clock);
        PolledClusterEvents b = new PolledClusterEvents(db, "b", clock);
        List<String> heardByA = new ArrayList<>();
        List<String> heardByB = new ArrayList<>();
        a.subscribe(ClusterEvents.MODULE_SWITCHES, e -> heardByA.add(e.payload()));
        b.subscribe(ClusterEvents.MODULE_SWITCHES, e -> heardByB.add(e.payload() + "@" + e.origin()));

        a.publish(ClusterEvents.MODULE_SWITCHES, "mutual-aid");
        a.publish(ClusterEvents.SETTINGS, "other topic");
        assertEquals(1, b.pollOnce() - 1, "b heard both events of a");
        assertEquals(0, a.pollOnce(), "a heard its own events");
        assertEquals(0, b.pollOnce(), "b heard them again");
        assertEquals(List.of("mutual-aid@a"), heardByB);
        assertEquals(List.of(), heardByA);
    }

    @Test
    void aRolledBackChangeIsNotHeardAndANodeStartsAfterWhatWasThere() {
        PolledClusterEvents a = new PolledClusterEvents(db, "a", clock);
        a.publish(ClusterEvents.MODULE_SWITCHES, "before b started");
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            a.publish(c, ClusterEvents.MODULE_SWITCHES, "rolled back");
            throw new IllegalStateException("the change failed");
        }));
        PolledClusterEvents b = new PolledClusterEvents(db, "b", clock);
        List<String> heard = new ArrayList<>();
        b.subscribe(ClusterEvents.MODULE_SWITCHES, e -> heard.add(e.payload()));
        a.publish(ClusterEvents.MODULE_SWITCHES, "after");
        b.pollOnce();
        assertEquals(List.of("after"), heard);
    }

    @Test
    void anEventCommittedAfterALaterOneIsStillHeard() {
        // On PostgreSQL a transaction can take an id and commit after one that took a larger id (Derby's readers wait
        // for the writer instead), so the smaller id is written here by hand after the larger one was read.
        PolledClusterEvents b = new PolledClusterEvents(db, "b", clock);
        List<String> heard = new ArrayList<>();
        b.subscribe(ClusterEvents.MODULE_SWITCHES, e -> heard.add(e.payload()));
        insert(1000, "fast");
        b.pollOnce();
        insert(990, "slow");
        b.pollOnce();
        b.pollOnce();
        assertEquals(List.of("fast", "slow"), heard);
    }

    private void insert(long id, String payload) {
        db.inTransaction(c -> org.unionportal.api.db.Jdbc.update(c, "INSERT INTO PORTAL_CLUSTER_EVENT (ID, TOPIC, PAYLOAD, ORIGIN, CREATED_AT) "
                + "VALUES (?, ?, ?, 'a', ?)", id, ClusterEvents.MODULE_SWITCHES, payload, java.sql.Timestamp.from(clock.instant())));
    }
}
