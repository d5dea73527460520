package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.mutualaid.internal.rules.Benefits;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.FeeBasis;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Plan;

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
}
