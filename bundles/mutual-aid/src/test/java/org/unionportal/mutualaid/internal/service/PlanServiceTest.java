package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.mutualaid.internal.rules.Benefits;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.FeeBasis;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.persistence.internal.FakeAuditTrail;

/** A plan form is checked field by field, with stable codes and messages that speak of 元, never of 分. */
class PlanServiceTest {
    private static final PlanTemplate WUXI = DemoPlans.wuxiThreeInOne();

    private static PlanService.PlanRequest request(String code, Integer termYears, Long feeFen, LocalDate until, Benefits benefits) {
        return new PlanService.PlanRequest(code, "测试项目", null, termYears, feeFen, FeeBasis.PER_YEAR, LocalDate.of(2026, 1, 1),
                until, LocalDate.of(2026, 1, 1), 90, WUXI.eligibility(), benefits, null);
    }

    @Test
    void aGoodRequestIsAPlanNamedInBothLanguages() {
        Plan plan = PlanService.validated(request("WX-TEST", 1, 12_000L, LocalDate.of(2026, 3, 31), WUXI.benefits()), 0, 1);
        assertEquals("WX-TEST", plan.code());
        assertEquals("测试项目", plan.nameEn(), "no English name: the Chinese one");
    }

    @Test
    void everyWrongFieldHasItsCode() {
        ProblemException p = assertThrows(ProblemException.class,
                () -> PlanService.validated(request("wx test", 2, -1L, LocalDate.of(2025, 12, 31), null), 0, 1));
        Map<String, String> codes = p.errors().stream().collect(Collectors.toMap(ProblemException.FieldError::field,
                ProblemException.FieldError::code, (a, b) -> a));
        assertEquals(Map.of("code", "invalid_code", "termYears", "invalid_choice", "feeFen", "not_an_amount",
                "enrolUntil", "before_start", "benefits", "required"), codes);
        for (ProblemException.FieldError e : p.errors()) {
            assertTrue(!e.text().zh().contains("分") && !e.text().en().contains("fen"), e::toString);
        }
        assertEquals("body_required", assertThrows(ProblemException.class, () -> PlanService.validated(null, 0, 1)).code());
    }

    @Test
    void aFeeThatWouldOverflowWithARosterIsRefusedWhereItIsTyped() {
        ProblemException p = assertThrows(ProblemException.class,
                () -> PlanService.validated(request("WX-BIG", 1, Long.MAX_VALUE, LocalDate.of(2026, 3, 31), WUXI.benefits()), 0, 1));
        assertEquals(List.of("feeFen:too_large"), p.errors().stream().map(e -> e.field() + ":" + e.code()).toList());
    }

    @TempDir
    Path dir;

    @Test
    void creatingEditingAndVersioningAPlanAreAuditedUnderTheAdministratorsOrganisation() {
        TestDatabase db = TestDatabase.create(dir);
        PlanService plans = new PlanService(db);
        FakeAuditTrail trail = new FakeAuditTrail();
        plans.audit = trail;
        List<AuditEntry> audited = trail.entries;
        PortalUser admin = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));

        long id = plans.create(request("WX-TEST", 1, 12_000L, LocalDate.of(2026, 3, 31), WUXI.benefits()), admin);
        ProblemException taken = assertThrows(ProblemException.class,
                () -> plans.create(request("WX-TEST", 1, 12_000L, LocalDate.of(2026, 3, 31), WUXI.benefits()), admin));
        assertEquals("plan_code_taken", taken.code());
        assertEquals(id, plans.edit(id, request("WX-TEST", 1, 15_000L, LocalDate.of(2026, 3, 31), WUXI.benefits()), admin),
                "nobody enrolled: edited in place");
        long member = db.member("陈静", "320202199207150021", "13961000002", "/1/2/8/");
        db.enrolment(id, "WX-TEST", member, "/1/2/8/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
        long v2 = plans.edit(id, request("WX-TEST", 1, 18_000L, LocalDate.of(2026, 3, 31), WUXI.benefits()), admin);
        assertNotEquals(id, v2, "someone enrolled: a new version");

        assertEquals(List.of("plan " + id + " CREATE", "plan " + id + " UPDATE", "plan " + v2 + " NEW_VERSION"),
                audited.stream().map(e -> e.recordType() + " " + e.recordId() + " " + e.action()).toList(),
                "a refused creation leaves nothing");
        assertEquals(12_000L, audited.get(1).before().get("feeFen"));
        assertEquals(15_000L, audited.get(1).after().get("feeFen"));
        assertEquals(id, audited.get(2).after().get("previousVersionId"));
        assertEquals(2, audited.get(2).after().get("version"));
        assertTrue(audited.stream().allMatch(e -> e.orgPath().equals("/1/") && e.actor().username().equals("admin")), audited::toString);
        assertEquals(audited.get(0).after().get("rulesDigest"), audited.get(1).after().get("rulesDigest"), "the same rules");
    }
}
