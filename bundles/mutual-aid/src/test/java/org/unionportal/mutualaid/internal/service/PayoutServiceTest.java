package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.export.Download;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.rules.BankResult;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeAuditTrail;
import org.unionportal.persistence.internal.FakeNotifications;

/** Payout batches on a real database: proposal, batch, second person, bank file, the bank's result, discard, tenancy. */
class PayoutServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final PortalUser OPERATOR = new PortalUser(2, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser DISTRICT2 = new PortalUser(4, "district2", "district2", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser CHECKER = new PortalUser(6, "checker", "checker", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));

    @TempDir
    Path dir;
    private TestDatabase db;
    private ClaimService claims;
    private PayoutService payouts;
    private long enrolment;
    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final FakeNotifications outbox = new FakeNotifications();

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
        claims = new ClaimService(db, PortalTime.fixedAt(TODAY));
        claims.notifications = outbox;
        claims.audit = trail;
        payouts = new PayoutService(db, PortalTime.fixedAt(TODAY));
        payouts.notifications = outbox;
        payouts.audit = trail;
        payouts.secondPerson("on");
    }

    private long approved(LocalDate admission, String account) {
        long id = claims.file(new ClaimForm(enrolment, EventType.HOSPITAL_STAY, admission, admission, admission.plusDays(5), "无锡市人民医院",
                "阑尾炎", null, null, 2_000_000L, 1_200_000L, 0L, account == null ? null : "工商银行", account), OPERATOR);
        claims.decide(id, new ClaimService.Decision("APPROVE", null, null), DISTRICT);
        return id;
    }

    @Test
    void theProposalChangesNothingAndShowsWhoLacksAnAccount() {
        long ready = approved(LocalDate.of(2026, 7, 5), "6222020302001234567");
        long noAccount = approved(LocalDate.of(2026, 8, 10), null);
        Map<String, Object> proposal = payouts.proposal(DISTRICT);
        assertEquals(1, proposal.get("count"));
        assertEquals(425_000L, proposal.get("totalFen"));
        assertEquals(List.of(ready), ids(proposal.get("claims")));
        assertEquals(List.of(noAccount), ids(proposal.get("missingAccount")));
        assertEquals("***************4567", ((List<Map<String, Object>>) proposal.get("claims")).get(0).get("payeeAccount"));
        // the plan by name in both languages: the page shows the one it speaks
        Map<String, Object> line = ((List<Map<String, Object>>) proposal.get("claims")).get(0);
        assertEquals(List.of(DemoPlans.wuxiThreeInOne().nameZh(), DemoPlans.wuxiThreeInOne().nameEn()),
                java.util.Arrays.asList(line.get("planNameZh"), line.get("planNameEn")));
        assertEquals("APPROVED", claims.get(ready, DISTRICT).get("status"), "a proposal changes nothing");
        assertEquals(0, payouts.proposal(DISTRICT2).get("count"));
        assertProblem(409, "proposal_changed", () -> payouts.create(DISTRICT, new PayoutService.Create(List.of(noAccount))));
        assertProblem(409, "proposal_changed", () -> payouts.create(DISTRICT2, new PayoutService.Create(List.of(ready))));
        assertProblem(422, "invalid_input", () -> payouts.create(DISTRICT, new PayoutService.Create(List.of())));

        // The member adds the account; the next proposal takes the claim.
        claims.setPayee(noAccount, org.unionportal.mutualaid.internal.rules.Payee.of("建设银行", "6217 0000 1111 2222"), OPERATOR);
        assertEquals(2, payouts.proposal(DISTRICT).get("count"));
    }

    @Test
    void aBatchIsApprovedByASecondPersonAndOnlyTheBanksResultPaysItsClaims() throws IOException {
        long paid = approved(LocalDate.of(2026, 7, 5), "6222020302001234567");
        long failed = approved(LocalDate.of(2026, 8, 10), "6217000011112222");
        Map<String, Object> batch = payouts.create(DISTRICT, new PayoutService.Create(List.of(paid, failed)));
        long id = (Long) batch.get("id");
        assertEquals("DRAFT", batch.get("status"));
        assertEquals(850_000L, batch.get("totalFen"));
        assertEquals(false, batch.get("canApprove"), "the maker may not approve");
        Map<String, Object> firstLine = ((List<Map<String, Object>>) payouts.batch(id, DISTRICT).get("lines")).get(0);
        assertEquals(DemoPlans.wuxiThreeInOne().nameEn(), firstLine.get("planNameEn"), "the batch's lines name their plan in English too");
        assertEquals(DemoPlans.wuxiThreeInOne().nameZh(), firstLine.get("planNameZh"));
        assertEquals("IN_PAYMENT", claims.get(paid, OPERATOR).get("status"), "in a batch, not paid");
        assertTrue(outbox.queued.isEmpty(), "nobody is told of a payment before the bank made it");
        assertProblem(409, "proposal_changed", () -> payouts.create(DISTRICT, new PayoutService.Create(List.of(paid))));
        assertProblem(409, "payout_batch_status", () -> payouts.bankFile(id, "csv", DISTRICT));
        assertProblem(409, "payout_batch_status", () -> payouts.result(id, new PayoutService.Result(TODAY, List.of()), DISTRICT));

        ProblemException maker = assertProblem(403, "second_person_needed", () -> payouts.approve(id, DISTRICT));
        assertTrue(maker.message().zh().contains("另一位") && maker.message().en().contains("someone else"), maker.message()::toString);
        assertProblem(404, "payout_batch_not_found", () -> payouts.approve(id, DISTRICT2));
        assertEquals("APPROVED", payouts.approve(id, CHECKER).get("status"));
        assertProblem(409, "payout_batch_status", () -> payouts.approve(id, CHECKER));

        Download file = payouts.bankFile(id, "csv", DISTRICT);
        assertTrue(file.personal(), "no-store");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.writeTo(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.contains("320202199207150021") && csv.contains("6222020302001234567") && csv.contains("工商银行")
                && csv.contains("4250.00") && csv.contains("MA-" + id + "-" + paid), csv);
        assertProblem(404, "payout_batch_not_found", () -> payouts.bankFile(id, "csv", DISTRICT2));

        assertProblem(422, "invalid_input", () -> payouts.result(id, new PayoutService.Result(TODAY,
                List.of(new BankResult.Failure(failed, ""))), DISTRICT));
        Map<String, Object> closed = payouts.result(id, new PayoutService.Result(TODAY,
                List.of(new BankResult.Failure(failed, "账户已销户"))), DISTRICT);
        assertEquals("CLOSED", closed.get("status"));
        Map<String, Object> paidClaim = claims.get(paid, OPERATOR);
        assertEquals("PAID", paidClaim.get("status"));
        assertEquals(TODAY.toString(), paidClaim.get("paidOn"));
        Map<String, Object> back = claims.get(failed, OPERATOR);
        assertEquals("APPROVED", back.get("status"));
        assertEquals("账户已销户", back.get("paymentFailure"));
        assertEquals(List.of("PAYMENT_MADE:claim:" + paid, "PAYMENT_FAILED:claim:" + failed + ":batch:" + id), outbox.keys(),
                "the paid member is told of the payment, the other to check the account");
        assertTrue(outbox.queued.get(1).text().zh().contains("账户已销户") && outbox.queued.get(1).text().zh().contains("核对"),
                () -> "the failed transfer's SMS: " + outbox.queued.get(1).text().zh());
        assertProblem(409, "payout_batch_status", () -> payouts.result(id, new PayoutService.Result(TODAY, List.of()), DISTRICT));
        assertEquals(List.of(failed), ids(payouts.proposal(DISTRICT).get("claims")), "a failed claim waits for the next batch");

        assertEquals(List.of("CREATE", "APPROVE", "EXPORT_BANK_FILE", "RESULT"), trail.entries.stream()
                .filter(e -> e.recordType().equals("payout-batch")).map(e -> e.action()).toList());
        assertEquals(List.of("PAYOUT", "PAY"), trail.entries.stream().filter(e -> e.recordId().equals(String.valueOf(paid)))
                .map(e -> e.action()).filter(a -> a.startsWith("PAY")).toList());
        assertEquals(List.of(), payouts.batches(DISTRICT2));
    }

    @Test
    void theBanksReturnFileIsPreviewedThenRecorded() throws IOException {
        long paid = approved(LocalDate.of(2026, 7, 5), "6222020302001234567");
        long failed = approved(LocalDate.of(2026, 8, 10), "6217000011112222");
        long id = (Long) payouts.create(DISTRICT, new PayoutService.Create(List.of(paid, failed))).get("id");
        payouts.approve(id, CHECKER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payouts.bankFile(id, "csv", DISTRICT).writeTo(out);
        // the bank's answer: the exported file with the result and the reason added to each line
        StringBuilder answer = new StringBuilder();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            answer.append(line).append(line.contains("序号") ? ",结果,失败原因" : line.contains("-" + failed) ? ",失败,账户已销户" : ",成功,")
                    .append('\n');
        }
        byte[] file = answer.toString().getBytes(StandardCharsets.UTF_8);
        assertProblem(404, "payout_batch_not_found", () -> payouts.resultFile(id, new ByteArrayInputStream(file), "回盘.csv", TODAY,
                false, DISTRICT2, Language.ZH));

        Map<String, Object> preview = payouts.resultFile(id, new ByteArrayInputStream(file), "回盘.csv", TODAY, false, DISTRICT, Language.ZH);
        assertEquals(List.of(), preview.get("problems"), preview::toString);
        assertEquals(1, preview.get("paidCount"));
        assertEquals(1, preview.get("failedCount"));
        assertEquals("IN_PAYMENT", claims.get(paid, OPERATOR).get("status"), "a preview changes nothing");
        assertTrue(outbox.queued.isEmpty(), "nobody is told before the result is confirmed");

        byte[] wrong = answer.toString().replace("4250.00", "4251.00").getBytes(StandardCharsets.UTF_8);
        assertProblem(422, "invalid_input", () -> payouts.resultFile(id, new ByteArrayInputStream(wrong), "回盘.csv", TODAY, true,
                DISTRICT, Language.ZH));
        assertEquals("IN_PAYMENT", claims.get(paid, OPERATOR).get("status"), "a wrong file records nothing");

        payouts.users = username -> java.util.Optional.of(new PortalUser(9, username, username.equals("district") ? "张丽" : "王审核", 1, "/1/",
                Set.of(Role.DISTRICT_ADMIN)));
        Map<String, Object> recorded = payouts.resultFile(id, new ByteArrayInputStream(file), "回盘.csv", TODAY, true, DISTRICT, Language.ZH);
        Map<?, ?> closed = (Map<?, ?>) recorded.get("batch");
        assertEquals("CLOSED", closed.get("status"));
        assertEquals("张丽", closed.get("createdByName"), "people by name, not login name");
        assertEquals("王审核", closed.get("approvedByName"));
        assertEquals("PAID", claims.get(paid, OPERATOR).get("status"));
        assertEquals("APPROVED", claims.get(failed, OPERATOR).get("status"));
        assertEquals("账户已销户", claims.get(failed, OPERATOR).get("paymentFailure"));
        assertEquals(List.of("PAYMENT_MADE:claim:" + paid, "PAYMENT_FAILED:claim:" + failed + ":batch:" + id), outbox.keys());
    }

    @Test
    void aDiscardedDraftGivesItsClaimsBackAndWithoutTheRuleTheMakerMayApprove() {
        long claim = approved(LocalDate.of(2026, 7, 5), "6222020302001234567");
        long id = (Long) payouts.create(DISTRICT, new PayoutService.Create(List.of(claim))).get("id");
        assertEquals("DISCARDED", payouts.discard(id, CHECKER).get("status"));
        assertEquals("APPROVED", claims.get(claim, DISTRICT).get("status"));
        assertProblem(409, "payout_batch_status", () -> payouts.approve(id, CHECKER));

        payouts.secondPerson("off");
        long again = (Long) payouts.create(DISTRICT, new PayoutService.Create(List.of(claim))).get("id");
        assertEquals("APPROVED", payouts.approve(again, DISTRICT).get("status"));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(Object claims) {
        return ((List<Map<String, Object>>) claims).stream().map(m -> (Long) m.get("claimId")).toList();
    }

    private static ProblemException assertProblem(int status, String code, Executable call) {
        ProblemException p = assertThrows(ProblemException.class, call);
        assertEquals(status, p.status(), p::toString);
        assertEquals(code, p.code(), p::toString);
        return p;
    }
}
