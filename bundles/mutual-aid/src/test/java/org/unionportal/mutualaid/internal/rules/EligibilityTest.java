package org.unionportal.mutualaid.internal.rules;

import java.util.List;

import org.junit.jupiter.api.Test;

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

    @Test
    void threeInOneNamesEveryMissingCondition() {
        Person p = new Person(Gender.MALE, WorkerCategory.EMPLOYEE, false, false, false);
        assertEquals(List.of(
                "非在职职工 (not in service)",
                "未参加城镇职工基本医疗保险 (not in basic medical insurance)",
                "非工会会员 (not a union member)"),
                DemoPlans.wuxiThreeInOne().eligibility().reasonsNotEligible(p));
    }

    @Test
    void womenOnly() {
        Eligibility women = DemoPlans.wuxiWomenThreeYear().eligibility();
        assertEquals(List.of("本项目仅限女职工参加 (women only)"), women.reasonsNotEligible(MEMBER_EMPLOYEE));
        Person woman = new Person(Gender.FEMALE, WorkerCategory.DISPATCHED, true, false, true);
        assertEquals(List.of(), women.reasonsNotEligible(woman));
        Person unknown = new Person(null, WorkerCategory.EMPLOYEE, true, true, true);
        assertEquals(List.of("性别未登记，本项目仅限女职工参加 (gender not recorded; women only)"),
                women.reasonsNotEligible(unknown));
    }

    @Test
    void categoryRestriction() {
        Eligibility xinbao = DemoPlans.wuxiGigWorkers().eligibility();
        assertEquals(List.of("职工类别“在职职工”不在本项目范围内，本项目限新就业形态劳动者 (employee in service not covered; only gig worker)"),
                xinbao.reasonsNotEligible(MEMBER_EMPLOYEE));
        // Gig workers need neither union membership nor basic insurance.
        Person courier = new Person(Gender.MALE, WorkerCategory.GIG_WORKER, false, false, false);
        assertEquals(List.of(), xinbao.reasonsNotEligible(courier));
        Person dispatched = new Person(Gender.MALE, WorkerCategory.DISPATCHED, true, true, true);
        assertEquals(List.of("职工类别“劳务派遣工”不在本项目范围内，本项目限在职职工、劳模 (labour-dispatch worker not covered; only employee in service, model worker)"),
                DemoPlans.wuxiThreeInOne().eligibility().reasonsNotEligible(dispatched));
    }

    @Test
    void insuranceAndMembershipSeparately() {
        Eligibility e = new Eligibility(false, true, true, false, java.util.Set.of());
        assertEquals(List.of("未参加城镇职工基本医疗保险 (not in basic medical insurance)"),
                e.reasonsNotEligible(new Person(Gender.MALE, WorkerCategory.EMPLOYEE, true, false, true)));
        assertEquals(List.of("非工会会员 (not a union member)"),
                e.reasonsNotEligible(new Person(Gender.MALE, WorkerCategory.EMPLOYEE, true, true, false)));
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
        assertEquals(List.of("职工类别未登记，本项目限新就业形态劳动者 (worker category not recorded; only gig worker)"),
                DemoPlans.wuxiGigWorkers().eligibility().reasonsNotEligible(p));
    }
}
