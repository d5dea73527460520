package org.unionportal.mutualaid.internal.rules;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityTest {

    private static final Person MEMBER_EMPLOYEE = new Person(Gender.MALE, WorkerCategory.EMPLOYEE, true, true, true);

    @Test
    void employeeInServiceInsuredMemberMayJoinThreeInOne() {
        assertEquals(List.of(), DemoPlans.wuxiThreeInOne().eligibility().reasonsNotEligible(MEMBER_EMPLOYEE));
        Person modelWorker = new Person(Gender.FEMALE, WorkerCategory.MODEL_WORKER, true, true, true);
        assertTrue(DemoPlans.wuxiThreeInOne().eligibility().isEligible(modelWorker));
    }

    /** The reasons' codes, and each reason in Chinese only and in English only. */
    private static List<String> codes(List<NotEligible> reasons) {
        reasons.forEach(EligibilityTest::oneLanguageEach);
        return reasons.stream().map(NotEligible::code).toList();
    }

    private static void oneLanguageEach(NotEligible r) {
        assertFalse(r.label().zh().matches("(?s).*[A-Za-z]{2,}.*"), () -> "English in the Chinese reason: " + r);
        assertTrue(r.label().en().codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                () -> "Chinese in the English reason: " + r);
    }

    @Test
    void threeInOneNamesEveryMissingCondition() {
        Person p = new Person(Gender.MALE, WorkerCategory.EMPLOYEE, false, false, false);
        List<NotEligible> reasons = DemoPlans.wuxiThreeInOne().eligibility().reasonsNotEligible(p);
        assertEquals(List.of(NotEligible.NOT_IN_SERVICE, NotEligible.NO_BASIC_INSURANCE, NotEligible.NOT_UNION_MEMBER), codes(reasons));
        assertEquals(List.of("非在职职工", "未参加城镇职工基本医疗保险", "非工会会员"),
                reasons.stream().map(r -> r.label().zh()).toList());
        assertEquals("Not a union member", reasons.get(2).label().en());
    }

    @Test
    void womenOnly() {
        Eligibility women = DemoPlans.wuxiWomenThreeYear().eligibility();
        assertEquals(List.of(NotEligible.WOMEN_ONLY), codes(women.reasonsNotEligible(MEMBER_EMPLOYEE)));
        assertEquals(Text.of("本项目仅限女职工参加", "This plan is for women only"), women.reasonsNotEligible(MEMBER_EMPLOYEE).get(0).label());
        Person woman = new Person(Gender.FEMALE, WorkerCategory.DISPATCHED, true, false, true);
        assertEquals(List.of(), women.reasonsNotEligible(woman));
        Person unknown = new Person(null, WorkerCategory.EMPLOYEE, true, true, true);
        assertEquals(List.of(NotEligible.GENDER_NOT_RECORDED), codes(women.reasonsNotEligible(unknown)));
    }

    @Test
    void categoryRestriction() {
        Eligibility xinbao = DemoPlans.wuxiGigWorkers().eligibility();
        List<NotEligible> employee = xinbao.reasonsNotEligible(MEMBER_EMPLOYEE);
        assertEquals(List.of(NotEligible.CATEGORY_NOT_COVERED), codes(employee));
        assertEquals(Text.of("职工类别“在职职工”不在本项目范围内，本项目限新就业形态劳动者",
                "Worker category employee in service is not covered; this plan is only for: gig worker"), employee.get(0).label());
        // Gig workers need neither union membership nor basic insurance.
        Person courier = new Person(Gender.MALE, WorkerCategory.GIG_WORKER, false, false, false);
        assertEquals(List.of(), xinbao.reasonsNotEligible(courier));
        Person dispatched = new Person(Gender.MALE, WorkerCategory.DISPATCHED, true, true, true);
        NotEligible notCovered = DemoPlans.wuxiThreeInOne().eligibility().reasonsNotEligible(dispatched).get(0);
        assertEquals(Text.of("职工类别“劳务派遣工”不在本项目范围内，本项目限在职职工、劳模",
                "Worker category labour-dispatch worker is not covered; this plan is only for: employee in service, model worker"),
                notCovered.label());
    }

    @Test
    void insuranceAndMembershipSeparately() {
        Eligibility e = new Eligibility(false, true, true, false, java.util.Set.of());
        assertEquals(List.of(NotEligible.NO_BASIC_INSURANCE),
                codes(e.reasonsNotEligible(new Person(Gender.MALE, WorkerCategory.EMPLOYEE, true, false, true))));
        assertEquals(List.of(NotEligible.NOT_UNION_MEMBER),
                codes(e.reasonsNotEligible(new Person(Gender.MALE, WorkerCategory.EMPLOYEE, true, true, false))));
        assertFalse(e.isEligible(new Person(Gender.MALE, null, true, true, false)));
    }

    @Test
    void nullCategoriesMeanAll() {
        Eligibility e = new Eligibility(false, false, false, false, null);
        assertTrue(e.categories().isEmpty());
        assertTrue(e.isEligible(new Person(Gender.MALE, WorkerCategory.DISPATCHED, false, false, false)));
    }

    @Test
    void unknownCategoryIsNamedWhenCategoriesAreRestricted() {
        Person p = new Person(Gender.MALE, null, true, true, true);
        List<NotEligible> reasons = DemoPlans.wuxiGigWorkers().eligibility().reasonsNotEligible(p);
        assertEquals(List.of(NotEligible.CATEGORY_NOT_RECORDED), codes(reasons));
        assertEquals("职工类别未登记，本项目限新就业形态劳动者", reasons.get(0).label().zh());
    }
}
