package org.unionportal.mutualaid.internal.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.notification.Notification;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeNotifications;

class CoverEndingScanTest {
    static final LocalDate TODAY = LocalDate.of(2025, 12, 1);
    static final String ORG = "/1/2/5/";

    @TempDir
    Path dir;
    TestDatabase db;
    long plan;
    int people;
    final FakeNotifications outbox = new FakeNotifications();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        plan = db.plan("WX-3IN1", "无锡市职工医疗互助保障（三合一）");
    }

    private long enrolment(LocalDate end, String status) {
        long member = db.member("会员" + (++people), String.format("3202021990010100%02d", people), "139610000" + String.format("%02d", people), ORG);
        return db.enrolment(plan, "WX-3IN1", member, ORG, end.minusYears(1).plusDays(1), end, status);
    }

    @Test
    void queuesActiveCoversEndingWithinThirtyDaysOnce() {
        long endsToday = enrolment(TODAY, "ACTIVE");
        long endsIn30 = enrolment(TODAY.plusDays(30), "ACTIVE");
        enrolment(TODAY.plusDays(31), "ACTIVE");
        enrolment(TODAY.minusDays(1), "ACTIVE");
        enrolment(TODAY.plusDays(10), "PENDING_PAYMENT");
        enrolment(TODAY.plusDays(10), "CANCELLED");

        assertEquals(2, CoverEndingScan.scan(db, outbox, TODAY));
        assertEquals(0, CoverEndingScan.scan(db, outbox, TODAY));
        assertEquals(List.of("COVER_ENDING:enrolment:" + endsToday, "COVER_ENDING:enrolment:" + endsIn30), outbox.keys());
        Notification first = outbox.queued.get(0);
        assertEquals("【无锡市职工互助互济会】会员1您好，您参加的“无锡市职工医疗互助保障（三合一）”将于2025年12月1日到期，"
                + "请及时联系所在工会办理续保。请登录工会服务门户查看。", first.text().zh());
        assertEquals("13961000001", first.recipient().phone());
        assertEquals(ORG, first.orgPath());

        // the next day, the cover ending in 31 days comes into reach; the others are not queued again
        assertEquals(1, CoverEndingScan.scan(db, outbox, TODAY.plusDays(1)));
        assertEquals(0, CoverEndingScan.scan(db, outbox, TODAY.plusDays(1)));
        assertEquals(3, outbox.queued.size());
    }

    @Test
    void membersWhoRenewedAreNotReminded() {
        long ending = enrolment(TODAY.plusDays(20), "ACTIVE");
        long member = db.read(c -> Jdbc.count(c, "SELECT MEMBER_ID FROM MA_ENROLMENT WHERE ID = ?", ending));
        db.enrolment(plan, "WX-3IN1", member, ORG, TODAY.plusDays(21), TODAY.plusDays(21).plusYears(1).minusDays(1),
                "PENDING_PAYMENT");
        assertEquals(0, CoverEndingScan.scan(db, outbox, TODAY));
    }

    @Test
    void worksInChunksAfterTheLastEnrolmentLookedAt() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(enrolment(TODAY.plusDays(i), "ACTIVE"));
        }
        CoverEndingScan.Chunk first = db.inTransaction(c -> CoverEndingScan.queueChunk(c, outbox, TODAY, 0, 2));
        assertEquals(new CoverEndingScan.Chunk(2, 2, ids.get(1)), first);
        CoverEndingScan.Chunk second = db.inTransaction(c -> CoverEndingScan.queueChunk(c, outbox, TODAY, first.lastEnrolmentId(), 2));
        assertEquals(new CoverEndingScan.Chunk(2, 2, ids.get(3)), second);
        assertEquals(new CoverEndingScan.Chunk(1, 1, ids.get(4)),
                db.inTransaction(c -> CoverEndingScan.queueChunk(c, outbox, TODAY, second.lastEnrolmentId(), 2)));
        assertEquals(new CoverEndingScan.Chunk(2, 0, ids.get(1)), db.inTransaction(c -> CoverEndingScan.queueChunk(c, outbox, TODAY, 0, 2)),
                "looked at again, queued nothing");
        assertEquals(5, outbox.queued.size());
    }
}
