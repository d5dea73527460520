package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The payouts reported in the seed articles, reproduced from the demo templates. */
class SeedCasesTest {

    /** 王老师, kindergarten teacher, lung cancer, WX-3IN1 renewed: 34,343 CNY in all. */
    @Test
    void teacherWangLungCancerGets34343() {
        PlanTemplate plan = DemoPlans.wuxiThreeInOne();
        Cover cover = plan.coverStartingOn(LocalDate.of(2021, 1, 1), true);
        // 12 days in hospital, inside the first 90 days: only a gap-free renewal is paid here.
        ClaimFacts facts = new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(2021, 1, 20),
                LocalDate.of(2021, 1, 20), LocalDate.of(2021, 2, 1), "恶性肿瘤（肺癌）", null,
                10_800_000, 6_200_000, 1_851_400);

        Assessment a = BenefitCalculator.assess(plan.benefits(), cover, facts, PriorUsage.NONE);

        assertEquals(List.of(Line.MEDICAL, Line.CONSOLATION, Line.CRITICAL_ILLNESS), items(a));
        assertEquals(1_374_300, a.amountOf(Line.MEDICAL));
        assertEquals(60_000, a.amountOf(Line.CONSOLATION));
        assertEquals(2_000_000, a.amountOf(Line.CRITICAL_ILLNESS));
        assertEquals(3_434_300, a.totalFen());
        assertTrue(a.payable());
        assertEquals(List.of(), a.rejections());
        assertEquals("住院医疗费用：(108000.00 − 62000.00 − 18514.00 − 起付线 0.00) × 50% = 13743.00 元",
                a.line(Line.MEDICAL).orElseThrow().explanationZh());
        assertEquals("住院慰问金：12 天 × 50.00 元/天 = 600.00 元", a.line(Line.CONSOLATION).orElseThrow().explanationZh());
        assertTrue(a.line(Line.CRITICAL_ILLNESS).orElseThrow().explanationZh().contains("属于“恶性肿瘤”"));
        assertTrue(a.lines().stream().noneMatch(Line::capped));
    }

    /** Without the gap-free renewal the same stay would fall in the 90-day waiting period. */
    @Test
    void teacherWangAsNewMemberWouldBeInWaitingPeriod() {
        PlanTemplate plan = DemoPlans.wuxiThreeInOne();
        Cover cover = plan.coverStartingOn(LocalDate.of(2021, 1, 1), false);
        ClaimFacts facts = new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(2021, 1, 20),
                LocalDate.of(2021, 1, 20), LocalDate.of(2021, 2, 1), "恶性肿瘤", null,
                10_800_000, 6_200_000, 1_851_400);

        Assessment a = BenefitCalculator.assess(plan.benefits(), cover, facts, PriorUsage.NONE);

        assertEquals(List.of(Rejection.WAITING_PERIOD), codes(a));
        assertEquals(0, a.totalFen());
        assertFalse(a.payable());
    }

    /** 虞师傅, courier, free 锡新保 plan, serious illness: 12,100 CNY. */
    @Test
    void courierYuGets12100() {
        PlanTemplate plan = DemoPlans.wuxiGigWorkers();
        Cover cover = plan.coverStartingOn(LocalDate.of(2022, 7, 1), false);
        ClaimFacts facts = new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(2022, 10, 10),
                LocalDate.of(2022, 10, 10), LocalDate.of(2022, 10, 14), "恶性肿瘤", null,
                900_000, 520_000, 0);

        Assessment a = BenefitCalculator.assess(plan.benefits(), cover, facts, PriorUsage.NONE);

        assertEquals(190_000, a.amountOf(Line.MEDICAL));
        assertEquals(20_000, a.amountOf(Line.CONSOLATION));
        assertEquals(1_000_000, a.amountOf(Line.CRITICAL_ILLNESS));
        assertEquals(1_210_000, a.totalFen());
        assertTrue(a.payable());
        assertEquals("住院医疗费用：(9000.00 − 5200.00 − 0.00 − 起付线 0.00) × 50% = 1900.00 元",
                a.line(Line.MEDICAL).orElseThrow().explanationZh());
    }

    /**
     * 马先生, Huai'an, oesophageal cancer: the special-disease payment of 30,000 fills the 30,000
     * overall cap, so the consolation for 10 days is cut to 0 and exactly 30,000 is paid at once.
     */
    @Test
    void mrMaOesophagealCancerGetsExactly30000() {
        PlanTemplate plan = DemoPlans.huaianFifty();
        Cover cover = plan.coverStartingOn(LocalDate.of(2024, 1, 1), false);
        ClaimFacts facts = new ClaimFacts(EventType.CRITICAL_ILLNESS, LocalDate.of(2024, 6, 3),
                LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 13), "食管恶性肿瘤", null,
                8_000_000, 5_000_000, 0);

        Assessment a = BenefitCalculator.assess(plan.benefits(), cover, facts, PriorUsage.NONE);

        assertEquals(List.of(Line.CONSOLATION, Line.CRITICAL_ILLNESS, Line.OVERALL_CAP), items(a));
        assertEquals(3_000_000, a.amountOf(Line.CRITICAL_ILLNESS));
        assertEquals(0, a.amountOf(Line.CONSOLATION));
        assertEquals(0, a.amountOf(Line.OVERALL_CAP));
        assertEquals(3_000_000, a.totalFen());
        assertTrue(a.payable());
        Line consolation = a.line(Line.CONSOLATION).orElseThrow();
        assertTrue(consolation.capped());
        assertEquals("住院慰问金：10 天 × 30.00 元/天 = 300.00 元；受每期总限额削减 300.00 元，实付 0.00 元",
                consolation.explanationZh());
        assertFalse(a.line(Line.CRITICAL_ILLNESS).orElseThrow().capped());
        assertTrue(a.line(Line.OVERALL_CAP).orElseThrow().explanationZh().contains("削减 300.00 元"));
    }

    static List<String> items(Assessment a) {
        return a.lines().stream().map(Line::item).toList();
    }

    static List<String> codes(Assessment a) {
        return a.rejections().stream().map(Rejection::code).toList();
    }
}
