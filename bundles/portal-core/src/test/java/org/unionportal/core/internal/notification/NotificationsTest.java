package org.unionportal.core.internal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.notification.Delivery;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Recipient;
import org.unionportal.api.notification.spi.MessageSender;
import org.unionportal.api.notification.spi.OutgoingMessage;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.persistence.internal.ModuleTestDatabase;

class NotificationsTest {
    @TempDir
    Path dir;
    ModuleTestDatabase db;
    final PortalNotifications notifications = new PortalNotifications();
    final MutableClock clock = new MutableClock(Instant.parse("2025-06-30T01:00:00Z"));

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
    }

    static Notification paid(long claim) {
        return Notification.of("mutual-aid", "PAYMENT_MADE", Notification.dedupKey("PAYMENT_MADE", "claim", claim),
                Recipient.member(7, "13961000002"), "/1/2/5/",
                Text.of("您的理赔申请（编号 " + claim + "）互助金已发放。", "Your claim " + claim + " was paid."));
    }

    private boolean queue(Notification n) {
        return db.inTransaction(c -> notifications.queue(c, n));
    }

    @Test
    void queuesEachDedupKeyOncePerModule() {
        assertTrue(queue(paid(5)));
        assertFalse(queue(paid(5)));
        Notification otherModule = new Notification("hardship-aid", "PAYMENT_MADE", paid(5).dedupKey(),
                Recipient.phone("13900000000"), "/1/2/", Text.of("已发放。", "Paid."), Language.EN);
        assertTrue(queue(otherModule), "keys are per module");
        assertEquals(2, db.count("SELECT COUNT(*) FROM PORTAL_NOTIFICATION"));
        assertTrue(db.<Boolean>read(c -> notifications.isQueued(c, "mutual-aid", "PAYMENT_MADE:claim:5")));
        assertFalse(db.<Boolean>read(c -> notifications.isQueued(c, "mutual-aid", "PAYMENT_MADE:claim:6")));
    }

    @Test
    void aRolledBackChangeQueuesNothing() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            notifications.queue(c, paid(5));
            throw new IllegalStateException("the payout failed");
        }));
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_NOTIFICATION"));

        assertTrue(queue(paid(5)), "the key of a rolled-back message is free");
    }

    @Test
    void aUserRecipientIsSentToTheAccountsPhone() {
        long user = db.inTransaction(c -> {
            long city = AccountStore.addOrganisation(c, null, "市总工会", "CITY");
            return AccountStore.addUser(c, "operator", "经办人", city, "13800000001", "x", Set.of(Role.UNION_OPERATOR));
        });
        queue(Notification.of("portal", "WELCOME", "WELCOME:" + user, Recipient.user(user), "/1/", Text.of("欢迎", "Welcome")));
        Outbox.Row row = db.read(c -> Outbox.pending(c, 0, 10)).get(0);
        assertEquals("13800000001", row.phone());
        assertEquals(Recipient.Kind.USER, row.recipient().kind());
    }

    @Test
    void sendsEachPendingMessageOnceInItsLanguageAndMarksItSent() {
        queue(paid(1));
        queue(paid(2));
        queue(new Notification("mutual-aid", "PAYMENT_MADE", "PAYMENT_MADE:claim:3", Recipient.phone("13900000000"), "/1/2/",
                Text.of("已发放。", "Paid."), Language.EN));
        FakeSender sms = new FakeSender("fake-sms");
        DispatchRound round = new DispatchRound(db, () -> sms, clock);

        assertEquals(new DispatchRound.Round(3, 0, 0), round.runOnce());
        assertEquals(new DispatchRound.Round(0, 0, 0), round.runOnce());

        assertEquals(List.of("您的理赔申请（编号 1）互助金已发放。", "您的理赔申请（编号 2）互助金已发放。", "Paid."),
                sms.sent.stream().map(OutgoingMessage::text).toList());
        assertEquals("13961000002", sms.sent.get(0).phone());
        assertEquals("7", sms.sent.get(0).recipient().reference());
        for (Outbox.Row row : db.read(c -> Outbox.list(c, new Outbox.Filter(DataScope.subtree("/"), null, null, null), 0, 10))) {
            assertEquals(Outbox.SENT, row.status());
            assertEquals("fake-sms", row.sender());
            assertEquals(clock.instant(), row.sentAt());
        }
    }

    @Test
    void aFailingSenderIsTriedAgainAfterAWaitAndGivenUpAfterFiveAttempts() {
        queue(paid(1));
        FakeSender broken = new FakeSender("broken");
        broken.fail = true;
        DispatchRound round = new DispatchRound(db, () -> broken, clock);

        assertEquals(new DispatchRound.Round(0, 1, 0), round.runOnce());
        assertEquals(new DispatchRound.Round(0, 0, 1), round.runOnce(), "waits before the next attempt");
        for (int attempt = 2; attempt <= Outbox.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertEquals(new DispatchRound.Round(0, 1, 0), round.runOnce());
        }
        Outbox.Row row = db.read(c -> Outbox.list(c, new Outbox.Filter(DataScope.subtree("/"), null, null, null), 0, 1)).get(0);
        assertEquals(Outbox.FAILED, row.status());
        assertEquals(Outbox.MAX_ATTEMPTS, row.attempts());
        assertEquals("broken: gateway down", row.lastError());
        clock.advance(Duration.ofHours(1));
        assertEquals(new DispatchRound.Round(0, 0, 0), round.runOnce(), "a failed message is not sent again");
        assertNull(row.sentAt());
    }

    @Test
    void adoptedMessagesKeepTheirStatusSoPendingOnesAreSentAndSentKeysStillCount() {
        Instant then = Instant.parse("2025-01-02T03:04:05Z");
        db.inTransaction(c -> {
            notifications.adopt(c, paid(1), new Delivery("SENT", 0, null, then, then, "aliyun-sms"));
            notifications.adopt(c, paid(2), new Delivery("PENDING", 2, "timeout", then, null, null));
            return null;
        });
        assertFalse(queue(paid(1)), "the key of a message sent before the move still counts");
        FakeSender sms = new FakeSender("fake-sms");
        assertEquals(new DispatchRound.Round(1, 0, 0), new DispatchRound(db, () -> sms, clock).runOnce());
        assertEquals("您的理赔申请（编号 2）互助金已发放。", sms.sent.get(0).text());
        Map<String, Long> counts = db.read(Outbox::countsByStatus);
        assertEquals(Map.of("PENDING", 0L, "SENT", 2L, "FAILED", 0L), counts);
    }

    @Test
    void theBestSenderIsTheHighestRankedThenTheOldest() {
        SenderRegistry registry = new SenderRegistry();
        FakeSender a = new FakeSender("a");
        FakeSender b = new FakeSender("b");
        FakeSender c = new FakeSender("c");
        assertEquals("log", SenderRegistry.nameOf(registry.bestOr(LogSender.INSTANCE)));
        registry.add(a, Map.of(Constants.SERVICE_ID, 10L));
        registry.add(b, Map.of(Constants.SERVICE_ID, 11L));
        assertEquals(a, registry.best().orElseThrow());
        registry.add(c, Map.of(Constants.SERVICE_ID, 12L, Constants.SERVICE_RANKING, 5));
        assertEquals(c, registry.best().orElseThrow());
        registry.remove(c);
        assertEquals(a, registry.best().orElseThrow());
    }

    @Test
    void theOutboxListingShowsOnlyTheSubtree() {
        queue(paid(1));
        queue(new Notification("mutual-aid", "X", "X:1", Recipient.phone("13900000000"), "/1/3/", Text.of("x", "x"), null));
        assertEquals(1L, (long) db.read(c -> Outbox.count(c, new Outbox.Filter(DataScope.subtree("/1/2/"), null, null, null))));
        assertEquals(2L, (long) db.read(c -> Outbox.count(c, new Outbox.Filter(DataScope.subtree("/1/"), null, null, null))));
        assertEquals(1L, (long) db.read(c -> Outbox.count(c, new Outbox.Filter(DataScope.subtree("/1/"), "mutual-aid", "PENDING", "X"))));
    }

    static final class FakeSender implements MessageSender {
        final String name;
        final List<OutgoingMessage> sent = new ArrayList<>();
        boolean fail;

        FakeSender(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(OutgoingMessage message) {
            if (fail) {
                throw new IllegalStateException("gateway down");
            }
            sent.add(message);
        }
    }
}
