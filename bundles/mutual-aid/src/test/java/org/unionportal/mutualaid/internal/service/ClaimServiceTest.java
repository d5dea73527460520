package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeAuditTrail;
import org.unionportal.persistence.internal.FakeNotifications;

/** Claims through the service on a real database: decisions, permissions, tenancy, problems, kept pages. */
class ClaimServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final PortalUser OPERATOR = new PortalUser(2, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser DISTRICT2 = new PortalUser(4, "district2", "district2", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));

    @TempDir
    Path dir;
    private TestDatabase db;
    private ClaimService claims;
    private long enrolment;
    /** Last year's cover of the same member, whose group never paid: it shows as expired but never began. */
    private long lastYearUnpaid;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        PlanTemplate t = DemoPlans.wuxiThreeInOne();
        Plan plan = new Plan(0, t.code(), 0, true, t.nameZh(), t.nameEn(), t.termYears(), t.feeFen(), t.feeBasis(),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), t.waitingDaysIllness(),
                new Plan.PlanRules(t.eligibility(), t.benefits()), t.descriptionZh());
        long planId = db.inTransaction(c -> PlanStore.insertVersion(c, plan, "test"));
        long member = db.member("陈静", "320202199207150021", "13961000002", "/1/2/8/");
        enrolment = db.enrolment(planId, t.code(), member, "/1/2/8/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
        lastYearUnpaid = db.enrolment(planId, t.code(), member, "/1/2/8/", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                "PENDING_PAYMENT");
        claims = new ClaimService(db, PortalTime.fixedAt(TODAY));
        claims.notifications = new FakeNotifications();
        claims.audit = trail;
    }

    /** A hospital stay of {@code days} days: (cost - basic) x 50 % medical plus 50 a day. */
    private ClaimForm stay(LocalDate admission, int days, long costFen, long basicFen) {
        return new ClaimForm(enrolment, EventType.HOSPITAL_STAY, admission, admission, admission.plusDays(days), "无锡市人民医院",
                "阑尾炎", null, null, costFen, basicFen, 0L, null, null);
    }

    /** What the service recorded in the audit trail. */
    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final java.util.List<org.unionportal.api.audit.AuditEntry> audited = trail.entries;

    @Test
    void aClaimFiledAndShownIsWhatItsDetailShows() {
        Map<String, Object> shown = claims.fileAndShow(stay(LocalDate.of(2026, 7, 5), 5, 2_000_000, 1_200_000), OPERATOR);
        long id = ((Number) shown.get("id")).longValue();
        assertEquals(claims.get(id, OPERATOR), shown);
        assertEquals("SUBMITTED", shown.get("status"));
        assertEquals(1, ((java.util.List<?>) shown.get("history")).size(), "the filing is in its history");
        assertEquals(1, audited.stream().filter(e -> e.recordId().equals(String.valueOf(id))).count());
        // the same checks as filing: nothing is written when they refuse
        assertProblem(409, "claim_overlaps", () -> claims.fileAndShow(stay(LocalDate.of(2026, 7, 7), 2, 100_000, 0), OPERATOR));
        assertProblem(404, "enrolment_not_found", () -> claims.fileAndShow(stay(LocalDate.of(2026, 8, 1), 1, 100_000, 0), DISTRICT2));
        assertEquals(1, audited.stream().filter(e -> e.recordType().equals("claim")).count());
        // every field the answer builds from the values written: an account, an illness, a commercial insurer's share
        Map<String, Object> withPayee = claims.fileAndShow(new ClaimForm(enrolment, EventType.CRITICAL_ILLNESS, LocalDate.of(2026, 8, 3),
                null, null, " 无锡市第二人民医院 ", "胃癌", "恶性肿瘤", null, 3_000_000L, 1_000_000L, 200_000L, " 中国工商银行 ",
                "6222 0212 3456 7890"), OPERATOR);
        assertEquals(claims.get(((Number) withPayee.get("id")).longValue(), OPERATOR), withPayee);
        assertEquals("中国工商银行", withPayee.get("payeeBank"));
    }

    @Test
    void aClaimIsDecidedByReviewersWithinTheCapsAndAnswersInOneLanguagePerSide() {
        long id = claims.file(stay(LocalDate.of(2026, 7, 5), 5, 2_000_000, 1_200_000), OPERATOR);
        Map<String, Object> filed = claims.get(id, OPERATOR);
        assertEquals("SUBMITTED", filed.get("status"));
        assertEquals(425_000L, filed.get("computedFen"));
        // the filing's audit entry holds what the row holds (written from the values, not read back)
        assertEquals(ClaimService.auditFields(db.read(c -> ClaimStore.byId(c, id)).orElseThrow()),
                audited.stream().filter(e -> e.recordId().equals(String.valueOf(id))).findFirst().orElseThrow().after());

        assertProblem(404, "claim_not_found", () -> claims.get(id, DISTRICT2));
        assertProblem(404, "claim_not_found", () -> claims.decide(id, new ClaimService.Decision("APPROVE", null, null), DISTRICT2));
        assertProblem(403, "reviewers_only", () -> claims.decide(id, new ClaimService.Decision("START_REVIEW", null, null), OPERATOR));
        assertProblem(422, "invalid_input", () -> claims.decide(id, new ClaimService.Decision("PAY", null, null), DISTRICT));

        ProblemException tooMuch = assertProblem(422, "invalid_input",
                () -> claims.decide(id, new ClaimService.Decision("APPROVE", 500_000L, null), DISTRICT));
        ProblemException.FieldError amount = tooMuch.errors().get(0);
        assertEquals("amountFen", amount.field());
        assertEquals("amount_out_of_range", amount.code());
        assertTrue(amount.text().zh().contains("4250.00 元") && !amount.text().zh().contains("分"), amount.text()::zh);
        assertTrue(amount.text().en().contains("4250.00 yuan") && !amount.text().en().contains("fen"), amount.text()::en);

        ProblemException lower = assertProblem(422, "invalid_input",
                () -> claims.decide(id, new ClaimService.Decision("APPROVE", 400_000L, " "), DISTRICT));
        assertEquals("reason", lower.errors().get(0).field());

        claims.decide(id, new ClaimService.Decision("approve", null, null), DISTRICT);
        Map<String, Object> approved = claims.get(id, DISTRICT);
        assertEquals("APPROVED", approved.get("status"));
        assertEquals(425_000L, approved.get("approvedFen"));
        assertEquals(List.of("FILE", "APPROVE"), ((List<?>) approved.get("history")).stream()
                .map(h -> ((Map<?, ?>) h).get("action")).toList(), "the history in the order it was written");
        ProblemException late = assertProblem(409, "claim_status_changed",
                () -> claims.decide(id, new ClaimService.Decision("REJECT", null, "x"), DISTRICT));
        assertTrue(late.message().zh().contains("已核准") && late.message().en().contains("approved"), late.message()::toString);
        // the filing and the one decision taken are audited; refused decisions leave nothing
        assertEquals(java.util.List.of("CREATE", "APPROVE"), audited.stream().filter(e -> e.recordId().equals(String.valueOf(id)))
                .map(org.unionportal.api.audit.AuditEntry::action).toList());
    }

    @Test
    void aCoverWhosePeriodEndedUnpaidIsExpiredButCannotBeClaimedOn() {
        EnrolmentStore.EnrolmentView cover = db.read(c -> EnrolmentStore.byId(c, lastYearUnpaid, TODAY)).orElseThrow();
        assertEquals("EXPIRED", cover.status());
        ClaimForm form = new ClaimForm(lastYearUnpaid, EventType.HOSPITAL_STAY, LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 5),
                LocalDate.of(2025, 7, 10), "无锡市人民医院", "阑尾炎", null, null, 2_000_000L, 1_200_000L, 0L, null, null);
        ProblemException refused = assertProblem(409, "cover_not_paid", () -> claims.file(form, OPERATOR));
        assertTrue(refused.message().zh().contains("未缴纳") && refused.message().zh().matches("[^A-Za-z]*"), refused.message()::toString);
        assertTrue(refused.message().en().contains("ended") && refused.message().en().contains("paid"), refused.message()::toString);
        assertProblem(409, "cover_not_paid", () -> claims.preview(form, OPERATOR));
        long claimsFiled = db.read(c -> org.unionportal.api.db.Jdbc.count(c, "SELECT COUNT(*) FROM MA_CLAIM"));
        assertEquals(0, claimsFiled, "nothing filed");
    }

    @Test
    void theSameStayTwiceAndAnotherUnionsEnrolmentAreRefused() {
        claims.file(stay(LocalDate.of(2026, 7, 5), 5, 2_000_000, 1_200_000), OPERATOR);
        assertProblem(409, "claim_overlaps", () -> claims.file(stay(LocalDate.of(2026, 7, 7), 2, 100_000, 0), OPERATOR));
        PortalUser otherOperator = new PortalUser(5, "operator2", "operator2", 9, "/1/3/9/", Set.of(Role.UNION_OPERATOR));
        assertProblem(404, "enrolment_not_found", () -> claims.file(stay(LocalDate.of(2026, 8, 1), 1, 100_000, 0), otherOperator));
        assertProblem(400, "unknown_status", () -> claims.page(DISTRICT, "NOPE", null, null, false));
    }

    @Test
    void aKeptPageGivesWayToANewClaimAndToADecision() throws IOException {
        long first = claims.file(stay(LocalDate.of(2026, 7, 5), 5, 2_000_000, 1_200_000), OPERATOR);
        assertEquals(1, submitted().path("total").asLong());
        assertEquals(1, submitted().path("total").asLong(), "read twice: now kept");
        long second = claims.file(stay(LocalDate.of(2026, 8, 1), 1, 100_000, 0), OPERATOR);
        JsonNode page = submitted();
        assertEquals(2, page.path("total").asLong());
        assertEquals(second, page.path("items").get(0).path("id").asLong(), "the new claim heads the queue");
        claims.decide(first, new ClaimService.Decision("START_REVIEW", null, null), DISTRICT);
        assertEquals(1, submitted().path("total").asLong(), "the queue after the review began");
        assertEquals(0, new ObjectMapper().readTree(claims.page(DISTRICT2, "SUBMITTED", null, 5, false)).path("total").asLong(),
                "another district's queue");
    }

    private JsonNode submitted() throws IOException {
        return new ObjectMapper().readTree(claims.page(DISTRICT, "SUBMITTED", null, 5, false));
    }

    private static ProblemException assertProblem(int status, String code, Executable call) {
        ProblemException p = assertThrows(ProblemException.class, call);
        assertEquals(status, p.status(), p::toString);
        assertEquals(code, p.code(), p::toString);
        assertFalse(p.message().zh().isBlank() || p.message().en().isBlank());
        return p;
    }
}
