package org.unionportal.mutualaid.internal.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.api.todo.WorkItem;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/**
 * The home page's mutual-aid counts: claims to review and under review (one status each, so that the count equals the
 * list its link opens) and unpaid groups whose cover has not ended, only in the caller's subtree.
 */
class MutualAidWorkItemsTest {
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser OPERATOR = new PortalUser(5, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser MEMBER = new PortalUser(6, "member", "member", 8, "/1/2/8/", Set.of(Role.MEMBER));

    @TempDir
    Path dir;
    private final MutualAidWorkItems items = new MutualAidWorkItems();

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.create(dir);
        items.db = db;
        long plan = db.plan("A", "甲项目");
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = start.plusYears(1).minusDays(1);
        items.time = PortalTime.fixedAt(end);
        int n = 0;
        for (String path : new String[] {"/1/2/8/", "/1/3/9/"}) {
            long member = db.member("会员" + n, idNumber(n++), null, path);
            long active = db.enrolment(plan, "A", member, path, start, end, "ACTIVE");
            for (int group = 0; group < 2; group++) {   // each group of one other person
                db.enrolment(plan, "A", db.member("会员" + n, idNumber(n++), null, path), path, start, end, "PENDING_PAYMENT");
            }
            // last year's unpaid group: its cover has ended, it is expired and no longer waits for payment
            db.enrolment(plan, "A", db.member("会员" + n, idNumber(n++), null, path), path, start.minusYears(1),
                    start.minusDays(1), "PENDING_PAYMENT");
            for (String status : new String[] {"SUBMITTED", "UNDER_REVIEW", "UNDER_REVIEW", "APPROVED", "PAID", "REJECTED"}) {
                db.claim(active, member, path, start.plusDays(n++), status);
            }
        }
    }

    private static String idNumber(int n) {
        return "32020219900101" + String.format("%04d", n);
    }

    @Test
    void districtStaffSeeTheirSubtreesClaimsToReviewAndGroupsAwaitingPayment() {
        assertEquals(Map.of("mutual-aid.claims.toReview", 1L, "mutual-aid.claims.underReview", 2L,
                "mutual-aid.groups.toConfirmPayment", 2L), counts(DISTRICT));
    }

    @Test
    void operatorsSeeTheirGroupsToPayAndMembersNothing() {
        assertEquals(Map.of("mutual-aid.groups.toPay", 2L), counts(OPERATOR));
        assertEquals(Map.of(), counts(MEMBER));
    }

    private Map<String, Long> counts(PortalUser user) {
        return items.itemsFor(user).stream().collect(Collectors.toMap(WorkItem::code, WorkItem::count));
    }
}
