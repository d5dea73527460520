package org.unionportal.mutualaid.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Recipient;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeNotifications;

class RemindersTest {
    @TempDir
    Path dir;
    TestDatabase db;
    long chen;
    FakeNotifications outbox;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        outbox = new FakeNotifications();
        chen = db.member("陈静", "320202199207150021", "13961000002", "/1/2/5/");
    }

    @Test
    void enqueueQueuesThroughThePortalWithTheMembersPhoneAndOrganisation() {
        Text message = Reminders.claimReturned("陈静", 5, "请补充发票原件");
        assertTrue(db.<Boolean>inTransaction(c -> Reminders.enqueue(c, outbox, Reminders.CLAIM_RETURNED, "CLAIM_RETURNED:claim:5:1", chen, message)));
        assertFalse(db.<Boolean>inTransaction(c -> Reminders.enqueue(c, outbox, Reminders.CLAIM_RETURNED, "CLAIM_RETURNED:claim:5:1", chen, message)));

        assertEquals(1, outbox.queued.size());
        Notification n = outbox.queued.get(0);
        assertEquals("mutual-aid", n.module());
        assertEquals(Reminders.CLAIM_RETURNED, n.kind());
        assertEquals(Recipient.member(chen, "13961000002"), n.recipient());
        assertEquals("/1/2/5/", n.orgPath());
        assertEquals(message, n.text());
        assertEquals(Language.ZH, n.language());
    }

    @Test
    void anUnknownMemberIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> db.inTransaction(c -> Reminders.enqueue(c, outbox, Reminders.PAYMENT_MADE,
                "PAYMENT_MADE:claim:1", 999_999, Reminders.paymentMade("x", 1, 1))));
        assertTrue(outbox.queued.isEmpty());
    }

    @Test
    void aLongReasonIsCut() {
        Text text = Reminders.claimReturned("陈静", 1, "缺".repeat(1000));
        assertTrue(text.zh().length() <= 500, "length " + text.zh().length());
        assertTrue(text.zh().endsWith("请登录工会服务门户查看。"), text.zh());
        assertEquals(500, Reminders.cut("x".repeat(800), 500).length());
        assertEquals("😀".repeat(2) + "…", Reminders.cut("😀".repeat(10), 6));
    }

    @Test
    void messages() {
        assertEquals("【无锡市职工互助互济会】陈静您好，您的理赔申请（编号 5）需补充材料：出院小结。请登录工会服务门户查看。",
                Reminders.claimReturned("陈静", 5, "出院小结。").zh());
        assertEquals("【无锡市职工互助互济会】陈静您好，您的理赔申请（编号 5）需补充材料。请登录工会服务门户查看。",
                Reminders.claimReturned("陈静", 5, null).zh());
        assertEquals("【无锡市职工互助互济会】王丽华您好，您参加的“无锡市职工医疗互助保障（三合一）”将于2025年12月31日到期，"
                        + "请及时联系所在工会办理续保。请登录工会服务门户查看。",
                Reminders.coverEnding("王丽华", "无锡市职工医疗互助保障（三合一）", LocalDate.of(2025, 12, 31)).zh());
        assertEquals("【无锡市职工互助互济会】王丽华您好，您的理赔申请（编号 12）互助金 34343.00 元已发放，请注意查收。"
                        + "请登录工会服务门户查看。",
                Reminders.paymentMade("王丽华", 12, 3_434_300).zh());
        assertEquals("【无锡市职工互助互济会】王丽华您好，您的理赔申请（编号 12）互助金 0.05 元已发放，请注意查收。请登录工会服务门户查看。",
                Reminders.paymentMade("王丽华", 12, 5).zh());
        assertEquals("【无锡市职工互助互济会】虞建国您好，已根据您2025年6月1日在无锡市人民医院住院的结算信息生成理赔申请草稿，"
                        + "请登录工会服务门户确认并提交。",
                Reminders.draftClaim("虞建国", "无锡市人民医院", LocalDate.of(2025, 6, 1)).zh());
        assertEquals("【无锡市职工互助互济会】虞建国您好，已根据您在医院住院的结算信息生成理赔申请草稿，请登录工会服务门户确认并提交。",
                Reminders.draftClaim("虞建国", null, null).zh());
        assertEquals("[Wuxi Workers' Mutual Aid] Dear 王丽华, the benefit of 34343.00 yuan for your claim 12 has been paid. "
                + "Please sign in to the union portal for details.", Reminders.paymentMade("王丽华", 12, 3_434_300).en());
        assertEquals("PAYMENT_MADE:claim:5", Reminders.dedupKey(Reminders.PAYMENT_MADE, "claim", 5));
        assertEquals(List.of("CLAIM_RETURNED", "COVER_ENDING", "PAYMENT_MADE", "DRAFT_CLAIM"), List.of(Reminders.CLAIM_RETURNED,
                Reminders.COVER_ENDING, Reminders.PAYMENT_MADE, Reminders.DRAFT_CLAIM));
    }
}
