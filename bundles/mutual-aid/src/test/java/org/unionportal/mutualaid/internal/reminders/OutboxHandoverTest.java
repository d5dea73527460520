package org.unionportal.mutualaid.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.notification.Delivery;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Recipient;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeNotifications;

class OutboxHandoverTest {
    static final Instant THEN = Instant.parse("2025-03-01T02:00:00Z");

    @TempDir
    Path dir;
    TestDatabase db;
    long chen;
    final FakeNotifications outbox = new FakeNotifications();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
    }

    private void oldRow(String key, String status, Instant sentAt, String sender) {
        db.inTransaction(c -> Jdbc.update(c, "INSERT INTO MA_REMINDER (KIND, DEDUP_KEY, MEMBER_ID, ORG_PATH, PHONE, MESSAGE, STATUS, "
                        + "ATTEMPTS, LAST_ERROR, CREATED_AT, SENT_AT, SENDER) VALUES ('PAYMENT_MADE', ?, ?, '/1/2/5/', '13961000002', ?, ?, 1, "
                        + "'timeout', ?, ?, ?)", key, chen, "已发放 " + key, status, THEN, sentAt, sender));
    }

    @Test
    void theOldOutboxMovesOverWithItsStatusInChunksAndIsEmptyAfterwards() {
        oldRow("PAYMENT_MADE:claim:1", "SENT", THEN, "aliyun-sms");
        oldRow("PAYMENT_MADE:claim:2", "PENDING", null, null);
        oldRow("PAYMENT_MADE:claim:3", "FAILED", null, null);

        assertEquals(2, (int) db.inTransaction(c -> OutboxHandover.moveChunk(c, outbox, 2)));
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_REMINDER"));
        assertEquals(1, OutboxHandover.run(db, outbox));
        assertEquals(0, OutboxHandover.run(db, outbox), "nothing left to move");
        assertEquals(0, db.count("SELECT COUNT(*) FROM MA_REMINDER"));

        assertEquals(List.of("PAYMENT_MADE:claim:1", "PAYMENT_MADE:claim:2", "PAYMENT_MADE:claim:3"), outbox.keys());
        Notification sent = outbox.queued.get(0);
        assertEquals("mutual-aid", sent.module());
        assertEquals(Recipient.member(chen, "13961000002"), sent.recipient());
        assertEquals("已发放 PAYMENT_MADE:claim:1", sent.text().zh());
        assertEquals(new Delivery("SENT", 1, "timeout", THEN, THEN, "aliyun-sms"), outbox.deliveries.get(0));
        assertEquals("PENDING", outbox.deliveries.get(1).status());
        assertEquals("FAILED", outbox.deliveries.get(2).status());
    }
}
