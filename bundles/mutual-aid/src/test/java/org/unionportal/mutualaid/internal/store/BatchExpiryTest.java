package org.unionportal.mutualaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.scope.DataScope;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/**
 * A group enrolment lists as EXPIRED (已到期) once its cover has ended, paid or not, though its stored status stays:
 * the group list's "已到期" filter finds it, the home page's 待缴费 count no longer does.
 */
class BatchExpiryTest {
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    static final DataScope DISTRICT = DataScope.subtree("/1/2/");

    @TempDir
    Path dir;
    TestDatabase db;
    long active;
    long pending;
    long cancelled;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        long plan = db.plan("WX-3IN1", "三合一");
        LocalDate start = END.minusYears(1).plusDays(1);
        active = batchOf(db.enrolment(plan, "WX-3IN1", member("李娜", 1), "/1/2/8/", start, END, "ACTIVE"));
        pending = batchOf(db.enrolment(plan, "WX-3IN1", member("张伟", 2), "/1/2/8/", start, END, "PENDING_PAYMENT"));
        cancelled = batchOf(db.enrolment(plan, "WX-3IN1", member("王芳", 3), "/1/2/8/", start, END, "CANCELLED"));
    }

    private long member(String name, int n) {
        return db.member(name, "32021319850301002" + n, "1391234567" + n, "/1/2/8/");
    }

    private long batchOf(long enrolmentId) {
        return db.read(c -> org.unionportal.api.db.Jdbc.one(c, "SELECT BATCH_ID FROM MA_ENROLMENT WHERE ID = ?",
                rs -> rs.getLong(1), enrolmentId)).orElseThrow();
    }

    private Map<Long, String> statusesOn(LocalDate today) {
        Map<Long, String> statuses = new LinkedHashMap<>();
        db.read(c -> EnrolmentStore.batches(c, DISTRICT, today)).forEach(b -> statuses.put(b.id(), b.status()));
        return statuses;
    }

    @Test
    void anActiveGroupIsExpiredFromTheDayAfterItsCoverEnds() {
        assertEquals(Map.of(active, "ACTIVE", pending, "PENDING_PAYMENT", cancelled, "CANCELLED"), statusesOn(END),
                "covered through its last day");
        assertEquals(Map.of(active, "EXPIRED", pending, "EXPIRED", cancelled, "CANCELLED"), statusesOn(END.plusDays(1)),
                "an active or unpaid group expires; a cancelled one stays cancelled");
        assertEquals("ACTIVE", db.read(c -> EnrolmentStore.batch(c, active, DISTRICT)).orElseThrow().status(),
                "the stored status is unchanged");
    }

    @Test
    void anUnpaidGroupAwaitsPaymentOnlyUntilItsCoverEnds() {
        long onTheLastDay = db.read(c -> EnrolmentStore.countAwaitingPayment(c, DISTRICT, END));
        long theDayAfter = db.read(c -> EnrolmentStore.countAwaitingPayment(c, DISTRICT, END.plusDays(1)));
        assertEquals(1, onTheLastDay);
        assertEquals(0, theDayAfter, "the to-do count agrees with the list's 待缴费 filter");
        EnrolmentStore.EnrolmentView person = db.read(c -> EnrolmentStore.list(c, DISTRICT, pending, 0, 10, END.plusDays(1))).get(0);
        assertEquals("EXPIRED", person.status(), "its people show what the group shows");
        assertEquals(false, person.paid(), "but their cover never began");
    }

    @Test
    void anotherSubtreeSeesNoneOfThem() {
        assertEquals(Map.of(), db.read(c -> EnrolmentStore.batches(c, DataScope.subtree("/1/3/"), END.plusDays(1))).stream()
                .collect(java.util.stream.Collectors.toMap(EnrolmentStore.Batch::id, EnrolmentStore.Batch::status)));
    }
}
