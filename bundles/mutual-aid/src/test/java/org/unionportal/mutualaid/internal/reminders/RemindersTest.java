package org.unionportal.mutualaid.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

class RemindersTest {
    @TempDir
    Path dir;
    TestDatabase db;
    long chen;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
    }

    @Test
    void enqueueQueuesOnceAndTheSecondCallIsFalse() {
        String message = Reminders.claimReturned("陈静", 5, "请补充发票原件");
        assertTrue(db.<Boolean>inTransaction(c -> Reminders.enqueue(c, Reminders.CLAIM_RETURNED, "CLAIM_RETURNED:claim:5:1", chen, message)));
        assertFalse(db.<Boolean>inTransaction(c -> Reminders.enqueue(c, Reminders.CLAIM_RETURNED, "CLAIM_RETURNED:claim:5:1", chen, message)));
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_REMINDER"));

        Outbox.Row row = db.read(c -> Outbox.list(c, "/1/%", null, null, 0, 10)).get(0);
        assertEquals(Reminders.CLAIM_RETURNED, row.kind());
        assertEquals(chen, row.memberId());
        assertEquals("13961000002", row.phone());
        assertEquals("/1/2/5/", row.orgPath());
        assertEquals(message, row.message());
        assertEquals("PENDING", row.status());
        assertEquals(0, row.attempts());
        assertNull(row.sentAt());
        assertNull(row.sender());
    }

    @Test
    void aDuplicateNeverFailsTheCallersTransaction() {
        // two calls in one transaction, with the caller's own work around them: all of it commits
        long[] other = new long[1];
        db.inTransaction(c -> {
            other[0] = Jdbc.insert(c, "INSERT INTO MA_PAYOUT_BATCH (ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT) "
                    + "VALUES ('/1/', 0, 0, 'test', CURRENT_TIMESTAMP)");
            assertTrue(Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:9", chen, "a"));
            assertFalse(Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:9", chen, "a"));
            Jdbc.update(c, "UPDATE MA_PAYOUT_BATCH SET CLAIM_COUNT = 1 WHERE ID = ?", other[0]);
            return null;
        });
        assertEquals(1, db.count("SELECT CLAIM_COUNT FROM MA_PAYOUT_BATCH WHERE ID = ?", other[0]));
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_REMINDER"));
    }

    @Test
    void aUniqueViolationIsRolledBackToTheSavepointOnly() throws Exception {
        // The row another transaction committed after our pre-check: the insert itself hits the unique key.
        db.inTransaction(c -> Reminders.enqueue(c, Reminders.DRAFT_CLAIM, "DRAFT_CLAIM:settlement:77", chen, "first"));
        try (Connection c = db.connection()) {
            Jdbc.update(c, "UPDATE MA_MEMBER SET NAME = '陈静静' WHERE ID = ?", chen);
            assertFalse(Reminders.insert(c, Reminders.DRAFT_CLAIM, "DRAFT_CLAIM:settlement:77", chen, "second"));
            assertTrue(Reminders.insert(c, Reminders.DRAFT_CLAIM, "DRAFT_CLAIM:settlement:78", chen, "third"));
            c.commit();
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_MEMBER WHERE NAME = '陈静静'"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM MA_REMINDER"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM MA_REMINDER WHERE MESSAGE = 'first'"));
    }

    @Test
    void programmingErrorsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> Reminders.enqueue(c, Reminders.PAYMENT_MADE, "PAYMENT_MADE:claim:1", 999_999, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> Reminders.enqueue(c, Reminders.PAYMENT_MADE, " ", chen, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> Reminders.enqueue(c, "X".repeat(31), "k", chen, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> Reminders.enqueue(c, Reminders.PAYMENT_MADE, "k".repeat(201), chen, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> Reminders.enqueue(c, Reminders.PAYMENT_MADE, "k", chen, " ")));
        assertEquals(0, db.count("SELECT COUNT(*) FROM MA_REMINDER"));
    }

    @Test
    void aLongMessageIsCutTo500() {
        String reason = "缺".repeat(1000);
        db.inTransaction(c -> Reminders.enqueue(c, Reminders.CLAIM_RETURNED, "CLAIM_RETURNED:claim:1:1", chen,
                Reminders.claimReturned("陈静", 1, reason)));
        String stored = db.read(c -> Outbox.latest(c, 1)).get(0).message();
        assertTrue(stored.length() <= 500, "length " + stored.length());
        assertTrue(stored.endsWith("请登录工会服务门户查看。"), stored);
        assertEquals(500, Reminders.cut("x".repeat(800), 500).length());
        assertEquals("😀".repeat(2) + "…", Reminders.cut("😀".repeat(10), 6));
    }

    @Test
    void messages() {
        assertEquals("【无锡市职工互助互济会】陈静您好，您的理赔申请（编号 5）需补充材料：出院小结。请登录工会服务门户查看。",
                Reminders.claimReturned("陈静", 5, "出院小结。"));
        assertEquals("【无锡市职工互助互济会】陈静您好，您的理赔申请（编号 5）需补充材料。请登录工会服务门户查看。",
                Reminders.claimReturned("陈静", 5, null));
        assertEquals("【无锡市职工互助互济会】王丽华您好，您参加的“无锡市职工医疗互助保障（三合一）”将于2025年12月31日到期，"
                        + "请及时联系所在工会办理续保。请登录工会服务门户查看。",
                Reminders.coverEnding("王丽华", "无锡市职工医疗互助保障（三合一）", LocalDate.of(2025, 12, 31)));
        assertEquals("【无锡市职工互助互济会】王丽华您好，您的理赔申请（编号 12）互助金 34343.00 元已发放，请注意查收。"
                        + "请登录工会服务门户查看。",
                Reminders.paymentMade("王丽华", 12, 3_434_300));
        assertEquals("【无锡市职工互助互济会】王丽华您好，您的理赔申请（编号 12）互助金 0.05 元已发放，请注意查收。请登录工会服务门户查看。",
                Reminders.paymentMade("王丽华", 12, 5));
        assertEquals("【无锡市职工互助互济会】虞建国您好，已根据您2025年6月1日在无锡市人民医院住院的结算信息生成理赔申请草稿，"
                        + "请登录工会服务门户确认并提交。",
                Reminders.draftClaim("虞建国", "无锡市人民医院", LocalDate.of(2025, 6, 1)));
        assertEquals("【无锡市职工互助互济会】虞建国您好，已根据您在医院住院的结算信息生成理赔申请草稿，请登录工会服务门户确认并提交。",
                Reminders.draftClaim("虞建国", null, null));
        assertEquals("PAYMENT_MADE:claim:5", Reminders.dedupKey(Reminders.PAYMENT_MADE, "claim", 5));
        assertEquals(List.of("CLAIM_RETURNED", "COVER_ENDING", "PAYMENT_MADE", "DRAFT_CLAIM"), List.of(Reminders.CLAIM_RETURNED,
                Reminders.COVER_ENDING, Reminders.PAYMENT_MADE, Reminders.DRAFT_CLAIM));
    }
}
