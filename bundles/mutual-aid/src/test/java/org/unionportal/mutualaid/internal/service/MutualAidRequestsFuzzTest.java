package org.unionportal.mutualaid.internal.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.rest.ClaimsResource.PayeeForm;
import org.unionportal.mutualaid.internal.rules.BankResult;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.Payee;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeAuditTrail;
import org.unionportal.persistence.internal.FakeNotifications;
import org.unionportal.testing.fuzz.FuzzTries;
import org.unionportal.testing.fuzz.Gen;
import org.unionportal.testing.fuzz.HostileBodies;
import org.unionportal.testing.fuzz.RequestFuzz;

/**
 * The fuzz layer over every JSON request type of mutual aid (plans, claims, decisions, payees, payout batches and
 * bank results): hostile bodies through the portal's JSON provider and the services, never a 500, never half a change.
 */
class MutualAidRequestsFuzzTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final PlanTemplate WUXI = DemoPlans.wuxiThreeInOne();
    private static final PortalUser OPERATOR = new PortalUser(2, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser ADMIN = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));

    private static final java.util.concurrent.atomic.AtomicInteger PEOPLE = new java.util.concurrent.atomic.AtomicInteger();
    private static TestDatabase db;
    private static PlanService plans;
    private static ClaimService claims;
    private static PayoutService payouts;
    private static RequestFuzz fuzz;
    private static long planId;
    private static long enrolment;
    private static long member;
    private static long claim;
    private static long batch;

    @BeforeAll
    static void start() {
        db = TestDatabase.inMemory();
        FakeAuditTrail trail = new FakeAuditTrail();
        FakeNotifications outbox = new FakeNotifications();
        plans = new PlanService(db);
        plans.audit = trail;
        claims = new ClaimService(db, PortalTime.fixedAt(TODAY));
        claims.notifications = outbox;
        claims.audit = trail;
        payouts = new PayoutService(db, PortalTime.fixedAt(TODAY));
        payouts.notifications = outbox;
        payouts.audit = trail;
        Plan plan = new Plan(0, WUXI.code(), 0, true, WUXI.nameZh(), WUXI.nameEn(), WUXI.termYears(), WUXI.feeFen(), WUXI.feeBasis(),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), WUXI.waitingDaysIllness(),
                new Plan.PlanRules(WUXI.eligibility(), WUXI.benefits()), WUXI.descriptionZh());
        planId = db.inTransaction(c -> PlanStore.insertVersion(c, plan, "test"));
        member = db.member("陈静", "320202199207150021", "13961000002", "/1/2/8/");
        enrolment = db.enrolment(planId, WUXI.code(), member, "/1/2/8/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
        claim = claims.file(claimForm(LocalDate.of(2026, 7, 5)), OPERATOR);
        long approved = claims.file(claimForm(LocalDate.of(2026, 6, 1)), OPERATOR);
        claims.decide(approved, new ClaimService.Decision("APPROVE", null, null), DISTRICT);
        batch = ((Number) payouts.create(DISTRICT, new PayoutService.Create(List.of(approved))).get("id")).longValue();
        fuzz = RequestFuzz.on(db);
    }

    private static ClaimForm claimForm(LocalDate admission) {
        return new ClaimForm(enrolment, EventType.HOSPITAL_STAY, admission, admission, admission.plusDays(5), "无锡市人民医院",
                "阑尾炎", null, null, 2_000_000L, 1_200_000L, 0L, "工商银行", "6222020200000000001");
    }

    private static PlanService.PlanRequest planRequest(int n) {
        return new PlanService.PlanRequest("WX-FUZZ-" + n, "测试项目", "Test plan", 1, 12_000L, WUXI.feeBasis(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1), 90, WUXI.eligibility(), WUXI.benefits(), "说明");
    }

    @TestFactory
    Stream<DynamicTest> creatingAndEditingPlans() {
        Gen<String> bodies = Gen.oneOf(HostileBodies.forRecord(PlanService.PlanRequest.class),
                Gen.ints(1, 99_999).flatMap(n -> HostileBodies.mutating(planRequest(n))));
        return FuzzTries.of("creating and editing plans", r -> {
            String body = bodies.next(r);
            boolean edit = r.nextBoolean();
            return fuzz.send(body, PlanService.PlanRequest.class, p -> {
                if (edit) {
                    // the current version: an edit of a plan with enrolments makes a new one
                    plans.edit(plans.current().stream().filter(c -> c.code().equals(WUXI.code())).findFirst().orElseThrow().id(), p, ADMIN);
                } else {
                    plans.create(p, ADMIN);
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> filingAndPreviewingClaims() {
        // examples on many days, so that a claim filed does not make the later ones overlap it
        Gen<String> bodies = Gen.oneOf(HostileBodies.forRecord(ClaimForm.class), Gen.ints(0, 230)
                .flatMap(day -> HostileBodies.mutating(claimForm(LocalDate.of(2026, 1, 1).plusDays(day)))));
        return FuzzTries.of("filing and previewing claims", r -> {
            String body = bodies.next(r);
            boolean preview = r.nextBoolean();
            return fuzz.send(body, ClaimForm.class, f -> {
                if (preview) {
                    claims.preview(f, OPERATOR);
                } else {
                    claims.file(f, OPERATOR);
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> decidingClaims() {
        Gen<String> bodies = Gen.oneOf(HostileBodies.forRecord(ClaimService.Decision.class),
                HostileBodies.mutating(new ClaimService.Decision("APPROVE", 100_000L, "材料齐全")),
                HostileBodies.mutating(new ClaimService.Decision("RETURN", null, "缺发票")));
        return FuzzTries.of("deciding claims", r -> {
            String body = bodies.next(r);
            // a claim of its own for every try (filed by the service, as a member of its own), so one decision does not close the rest
            int n = PEOPLE.incrementAndGet();
            long person = db.member("会员" + n, org.unionportal.api.identity.IdNumbers.of("320202", LocalDate.of(1980, 1, 1).plusDays(n), n % 1000),
                    "13961000002", "/1/2/8/");
            long cover = db.enrolment(planId, WUXI.code(), person, "/1/2/8/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
            ClaimForm f = claimForm(LocalDate.of(2026, 7, 5));
            long submitted = claims.file(new ClaimForm(cover, f.eventType(), f.eventDate(), f.admissionDate(), f.dischargeDate(), f.hospital(),
                    f.diagnosis(), f.criticalIllness(), f.disabilityGrade(), f.totalCostFen(), f.basicInsuranceFen(), f.commercialInsuranceFen(),
                    f.bankName(), f.bankAccount()), OPERATOR);
            return fuzz.send(body, ClaimService.Decision.class, d -> claims.decide(submitted, d, DISTRICT));
        });
    }

    @TestFactory
    Stream<DynamicTest> settingPayees() {
        Gen<String> bodies = Gen.oneOf(HostileBodies.forRecord(PayeeForm.class),
                HostileBodies.mutating(new PayeeForm("工商银行", "6222020200000000001")));
        return FuzzTries.of("setting payees", r -> fuzz.send(bodies.next(r), PayeeForm.class,
                f -> claims.setPayee(claim, Payee.of(f.bankName(), f.bankAccount()), OPERATOR)));
    }

    @TestFactory
    Stream<DynamicTest> creatingPayoutBatchesAndRecordingBankResults() {
        Gen<String> batches = Gen.oneOf(HostileBodies.forRecord(PayoutService.Create.class),
                HostileBodies.mutating(new PayoutService.Create(List.of(claim))));
        Gen<String> results = Gen.oneOf(HostileBodies.forRecord(PayoutService.Result.class),
                HostileBodies.mutating(new PayoutService.Result(TODAY, List.of(new BankResult.Failure(claim, "账号错误")))));
        return FuzzTries.of("creating payout batches and recording bank results", r -> List.of(
                fuzz.send(batches.next(r), PayoutService.Create.class, c -> payouts.create(DISTRICT, c)),
                fuzz.send(results.next(r), PayoutService.Result.class, c -> payouts.result(batch, c, DISTRICT))));
    }
}
