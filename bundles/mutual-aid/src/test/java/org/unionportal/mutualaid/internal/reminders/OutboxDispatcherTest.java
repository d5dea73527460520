package org.unionportal.mutualaid.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.mutualaid.spi.Reminder;
import org.unionportal.mutualaid.spi.ReminderSender;

class OutboxDispatcherTest {
    @TempDir
    Path dir;
    TestDatabase db;
    long member;
    final MutableClock clock = new MutableClock(Instant.parse("2025-06-30T01:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        member = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
    }

    private void queue(int n) {
        db.inTransaction(c -> {
            for (int i = 1; i <= n; i++) {
                Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:" + i, member,
                        Reminders.paymentMade("陈静", i, 100L * i));
            }
            return null;
        });
    }

    @Test
    void sendsEachPendingReminderOnceAndMarksItSent() {
        queue(3);
        FakeSender sms = new FakeSender("fake-sms");
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, () -> sms, clock);

        assertEquals(new OutboxDispatcher.Round(3, 0, 0), dispatcher.runOnce());
        assertEquals(new OutboxDispatcher.Round(0, 0, 0), dispatcher.runOnce());

        assertEquals(3, sms.sent.size());
        Reminder first = sms.sent.get(0);
        assertEquals(Reminders.PAYMENT_MADE, first.kind());
        assertEquals("13961000002", first.phone());
        assertEquals(member, first.memberId());
        assertTrue(first.message().contains("互助金 1.00 元已发放"), first.message());
        for (Outbox.Row row : db.read(c -> Outbox.list(c, "/%", null, null, 0, 10))) {
            assertEquals("SENT", row.status());
            assertEquals("fake-sms", row.sender());
            assertEquals(clock.instant(), row.sentAt());
            assertEquals(0, row.attempts());
        }
    }

    @Test
    void theStateChangeHappensOnceEvenWhenTwoDispatchersMarkTheSameRow() {
        queue(1);
        long id = db.read(c -> Outbox.latest(c, 1)).get(0).id();
        assertTrue(db.<Boolean>inTransaction(c -> Outbox.markSent(c, id, "one", clock.instant())));
        assertFalse(db.<Boolean>inTransaction(c -> Outbox.markSent(c, id, "two", clock.instant())));
        assertNull(db.<String>inTransaction(c -> Outbox.markAttemptFailed(c, id, "late failure", 5)));
        Outbox.Row row = db.read(c -> Outbox.latest(c, 1)).get(0);
        assertEquals("one", row.sender());
        assertEquals(0, row.attempts());
        assertNull(row.lastError());
    }

    @Test
    void failuresCountAttemptsWaitBetweenThemAndFailAfterFive() {
        queue(1);
        FakeSender broken = new FakeSender("broken-sms");
        broken.failure = new IllegalStateException("gateway says 503");
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, () -> broken, clock);

        for (int attempt = 1; attempt <= Reminders.MAX_ATTEMPTS; attempt++) {
            assertEquals(new OutboxDispatcher.Round(0, 1, 0), dispatcher.runOnce(), "attempt " + attempt);
            Outbox.Row row = db.read(c -> Outbox.latest(c, 1)).get(0);
            assertEquals(attempt, row.attempts());
            assertEquals("broken-sms: gateway says 503", row.lastError());
            assertEquals(attempt < Reminders.MAX_ATTEMPTS ? "PENDING" : "FAILED", row.status());
            if (attempt < Reminders.MAX_ATTEMPTS) {
                // not tried again before its wait is over
                assertEquals(new OutboxDispatcher.Round(0, 0, 1), dispatcher.runOnce());
                assertEquals(attempt, db.read(c -> Outbox.latest(c, 1)).get(0).attempts());
                clock.advance(OutboxDispatcher.BACKOFF.get(attempt - 1));
            }
        }
        assertEquals(5, broken.calls);
        assertEquals(new OutboxDispatcher.Round(0, 0, 0), dispatcher.runOnce());
        assertEquals(5, broken.calls);
        assertNull(db.read(c -> Outbox.latest(c, 1)).get(0).sentAt());
    }

    @Test
    void aRecoveredSenderSendsWhatFailedBefore() {
        queue(1);
        FakeSender flaky = new FakeSender("flaky");
        flaky.failure = new RuntimeException();
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, () -> flaky, clock);
        dispatcher.runOnce();
        assertEquals("flaky: java.lang.RuntimeException", db.read(c -> Outbox.latest(c, 1)).get(0).lastError());
        flaky.failure = null;
        clock.advance(Duration.ofHours(1));
        assertEquals(new OutboxDispatcher.Round(1, 0, 0), dispatcher.runOnce());
        Outbox.Row row = db.read(c -> Outbox.latest(c, 1)).get(0);
        assertEquals("SENT", row.status());
        assertEquals(1, row.attempts());
    }

    @Test
    void takesAHundredARoundAndComesBackForTheRest() {
        queue(150);
        FakeSender sms = new FakeSender("fake-sms");
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, () -> sms, clock);
        assertEquals(100, dispatcher.runOnce().sent());
        assertEquals(50, dispatcher.runOnce().sent());
        assertEquals(0, dispatcher.runOnce().sent());
        assertEquals(150, sms.sent.stream().map(Reminder::id).distinct().count());
        assertEquals(150, db.count("SELECT COUNT(*) FROM MA_REMINDER WHERE STATUS = 'SENT'"));
    }

    @Test
    void withoutASenderServiceTheLogSenderMarksRowsSentAsLog() {
        queue(2);
        SenderRegistry none = new SenderRegistry();
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, () -> none.bestOr(LogSender.INSTANCE), clock);
        assertEquals(2, dispatcher.runOnce().sent());
        assertEquals(2, db.count("SELECT COUNT(*) FROM MA_REMINDER WHERE STATUS = 'SENT' AND SENDER = 'log'"));
    }

    @Test
    void theHighestRankingSenderWins() {
        SenderRegistry registry = new SenderRegistry();
        FakeSender a = new FakeSender("a");
        FakeSender b = new FakeSender("b");
        FakeSender c = new FakeSender("c");
        assertTrue(registry.best().isEmpty());
        assertEquals(LogSender.INSTANCE, registry.bestOr(LogSender.INSTANCE));
        registry.add(a, Map.of(Constants.SERVICE_ID, 10L));
        registry.add(b, Map.of(Constants.SERVICE_ID, 11L, Constants.SERVICE_RANKING, 5));
        registry.add(c, Map.of(Constants.SERVICE_ID, 9L, Constants.SERVICE_RANKING, "100")); // not an Integer: 0
        assertEquals(b, registry.best().orElseThrow());
        assertEquals(List.of("b", "c", "a"), registry.names());
        registry.remove(b);
        assertEquals(c, registry.best().orElseThrow()); // equal ranking: the lower service.id
        registry.update(a, Map.of(Constants.SERVICE_ID, 10L, Constants.SERVICE_RANKING, 1));
        assertEquals(List.of("a", "c"), registry.names());
        assertEquals(FakeSender.class.getName(), SenderRegistry.nameOf(new FakeSender(" ")));
    }

    static final class FakeSender implements ReminderSender {
        private final String name;
        final List<Reminder> sent = new ArrayList<>();
        RuntimeException failure;
        int calls;

        FakeSender(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(Reminder reminder) {
            calls++;
            if (failure != null) {
                throw failure;
            }
            assertNotNull(reminder.message());
            sent.add(reminder);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
