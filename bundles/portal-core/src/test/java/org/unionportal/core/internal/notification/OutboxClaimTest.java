package org.unionportal.core.internal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.notification.spi.MessageSender;
import org.unionportal.api.notification.spi.OutgoingMessage;
import org.unionportal.core.internal.Concurrently;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** Several nodes dispatching one outbox (Derby here): each message is claimed, and sent, by exactly one of them. */
class OutboxClaimTest {
    @TempDir
    Path dir;
    private ModuleTestDatabase db;
    private final MutableClock clock = new MutableClock();
    private final PortalNotifications notifications = new PortalNotifications();

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    private long queue(long claim) {
        db.inTransaction(c -> notifications.queue(c, NotificationsTest.paid(claim)));
        return db.read(c -> Outbox.pending(c, 0, 1000)).stream().mapToLong(Outbox.Row::id).max().orElseThrow();
    }

    /** Records what it sends, from any thread. */
    private static final class Gateway implements MessageSender {
        final List<Long> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "gateway";
        }

        @Override
        public void send(OutgoingMessage message) throws InterruptedException {
            sent.add(message.id());
        }
    }

    @Test
    void ofManyNodesClaimingOneMessageAtOnceExactlyOneGetsIt() throws Exception {
        long id = queue(1);
        Instant now = clock.instant();
        AtomicInteger n = new AtomicInteger();
        List<Boolean> claimed = Concurrently.run(12, () -> db.inTransaction(
                c -> Outbox.claim(c, id, "node-" + n.incrementAndGet(), now, now.plus(DispatchRound.CLAIM))));
        assertEquals(1, claimed.stream().filter(x -> x).count(), "claimed: " + claimed);
    }

    @Test
    void aSlowGatewayDoesNotLetAnotherNodeSendTheMessageToo() throws Exception {
        queue(1);
        CountDownLatch inGateway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        MessageSender slow = new MessageSender() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void send(OutgoingMessage message) throws InterruptedException {
                inGateway.countDown();
                assertTrue(release.await(60, TimeUnit.SECONDS));
                sent.add(message.id());
            }
        };
        Gateway fast = new Gateway();
        DispatchRound nodeA = new DispatchRound(db, () -> slow, clock, "a");
        DispatchRound nodeB = new DispatchRound(db, () -> fast, clock, "b");

        CompletableFuture<DispatchRound.Round> a = CompletableFuture.supplyAsync(nodeA::runOnce);
        assertTrue(inGateway.await(60, TimeUnit.SECONDS), "node a never reached the gateway");
        assertEquals(new DispatchRound.Round(0, 0, 1), nodeB.runOnce(), "node b did not see the claim");
        release.countDown();
        assertEquals(new DispatchRound.Round(1, 0, 0), a.get(60, TimeUnit.SECONDS));
        assertEquals(1, sent.size());
        assertEquals(List.of(), fast.sent);
        assertEquals(new DispatchRound.Round(0, 0, 0), nodeB.runOnce(), "the sent message is still pending");
    }

    @Test
    void threeNodesDispatchingTogetherSendEveryMessageExactlyOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= 30; i++) {
            ids.add(queue(i));
        }
        Gateway gateway = new Gateway();
        AtomicInteger n = new AtomicInteger();
        List<DispatchRound.Round> rounds = Concurrently.run(3,
                () -> new DispatchRound(db, () -> gateway, clock, "node-" + n.incrementAndGet()).runOnce());
        assertEquals(30, rounds.stream().mapToInt(DispatchRound.Round::sent).sum(), "rounds: " + rounds);
        List<Long> sorted = new ArrayList<>(gateway.sent);
        Collections.sort(sorted);
        assertEquals(ids, sorted, "a message was sent twice or not at all");
    }

    @Test
    void theWaitAfterAFailureHoldsOnEveryNode() {
        queue(1);
        MessageSender broken = new MessageSender() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(OutgoingMessage message) {
                throw new IllegalStateException("gateway down");
            }
        };
        Gateway gateway = new Gateway();
        assertEquals(new DispatchRound.Round(0, 1, 0), new DispatchRound(db, () -> broken, clock, "a").runOnce());
        assertEquals(new DispatchRound.Round(0, 0, 1), new DispatchRound(db, () -> gateway, clock, "b").runOnce(),
                "another node did not wait after the failure");
        clock.advance(DispatchRound.BACKOFF.get(0));
        assertEquals(new DispatchRound.Round(1, 0, 0), new DispatchRound(db, () -> gateway, clock, "b").runOnce());
    }
}
