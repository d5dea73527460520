package org.unionportal.mutualaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.scope.DataScope;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/** Pages of the claims list: newest first, within the subtree, of one status or member, counted the same way. */
class ClaimPageTest {
    @TempDir
    Path dir;
    private TestDatabase db;
    private final List<Long> liangxi = new ArrayList<>();   // newest last
    private final List<Long> submittedInLiangxi = new ArrayList<>();
    private long memberInBinhu;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        long plan = db.plan("A", "甲项目");
        LocalDate start = LocalDate.of(2026, 1, 1);
        long m1 = db.member("一", "320202199001010011", null, "/1/2/8/");
        long e1 = db.enrolment(plan, "A", m1, "/1/2/8/", start, start.plusYears(1).minusDays(1), "ACTIVE");
        memberInBinhu = db.member("二", "320211199001010012", null, "/1/3/");
        long e2 = db.enrolment(plan, "A", memberInBinhu, "/1/3/", start, start.plusYears(1).minusDays(1), "ACTIVE");
        for (int i = 0; i < 7; i++) {
            String status = i % 2 == 0 ? "SUBMITTED" : "PAID";
            long id = db.claim(e1, m1, "/1/2/8/", start.plusDays(i), status);
            liangxi.add(id);
            if (status.equals("SUBMITTED")) {
                submittedInLiangxi.add(id);
            }
            db.claim(e2, memberInBinhu, "/1/3/", start.plusDays(i), status);
        }
    }

    @Test
    void pagesAreNewestFirstAndStayInTheSubtree() {
        List<Long> newestFirst = newestFirst(liangxi);
        assertEquals(newestFirst.subList(0, 3), ids(db.read(c -> ClaimStore.page(c, DataScope.subtree("/1/2/"), null, null, 0, 3))));
        assertEquals(newestFirst.subList(3, 6), ids(db.read(c -> ClaimStore.page(c, DataScope.subtree("/1/2/"), null, null, 3, 3))));
        assertEquals(newestFirst.subList(6, 7), ids(db.read(c -> ClaimStore.page(c, DataScope.subtree("/1/2/"), null, null, 6, 3))), "a short last page");
        assertEquals(List.of(), db.read(c -> ClaimStore.page(c, DataScope.subtree("/1/2/"), null, null, 9, 3)));
        assertEquals(7L, count(DataScope.subtree("/1/2/"), null, null));
        assertEquals(14L, count(DataScope.subtree("/1/"), null, null));
    }

    @Test
    void aStatusOrAMemberNarrowsThePageAndTheCount() {
        assertEquals(newestFirst(submittedInLiangxi), ids(db.read(c -> ClaimStore.page(c, DataScope.subtree("/1/2/"), ClaimStatus.SUBMITTED, null, 0, 50))));
        assertEquals(4L, count(DataScope.subtree("/1/2/"), ClaimStatus.SUBMITTED, null));
        List<ClaimSummary> own = db.read(c -> ClaimStore.page(c, DataScope.subtree("/"), null, memberInBinhu, 0, 50));
        assertEquals(7, own.size());
        assertTrue(own.stream().allMatch(s -> s.memberName().equals("二")), () -> "another member's claim: " + own);
        assertEquals(7L, count(DataScope.subtree("/"), null, memberInBinhu));
    }

    @Test
    void aSummaryCarriesWhatTheListShows() {
        ClaimSummary newest = db.read(c -> ClaimStore.page(c, DataScope.subtree("/1/2/"), null, null, 0, 1)).get(0);
        assertEquals(liangxi.get(6), newest.id());
        assertEquals("一", newest.memberName());
        assertEquals("A", newest.planCode());
        assertEquals("甲项目", newest.planNameZh());
        assertEquals(LocalDate.of(2026, 1, 7), newest.eventDate());
        assertEquals(10_000, newest.computedFen());
        assertNull(newest.approvedFen());
        assertEquals(ClaimStatus.SUBMITTED, newest.status());
    }

    private long count(DataScope scope, ClaimStatus status, Long memberId) {
        return db.read(c -> ClaimStore.count(c, scope, status, memberId));
    }

    private static List<Long> newestFirst(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<Long> ids(List<ClaimSummary> page) {
        return page.stream().map(ClaimSummary::id).toList();
    }
}
