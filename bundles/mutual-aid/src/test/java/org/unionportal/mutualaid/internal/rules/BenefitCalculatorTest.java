package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unionportal.mutualaid.internal.rules.SeedCasesTest.codes;
import static org.unionportal.mutualaid.internal.rules.SeedCasesTest.items;

class BenefitCalculatorTest {

    private static final Benefits WX = DemoPlans.wuxiThreeInOne().benefits();
    /** A 2021 term with no waiting to worry about (renewed), for the cap tests. */
    private static final Cover RENEWED_2021 = new Cover(d(2021, 1, 1), d(2021, 12, 31), 90, true);
    private static final Cover NEW_2021 = new Cover(d(2021, 1, 1), d(2021, 12, 31), 90, false);

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    /** A hospital stay of {@code days} days from 2021-05-10 with the given money (fen). */
    static ClaimFacts stay(int days, long total, long basic, long commercial) {
        return new ClaimFacts(EventType.HOSPITAL_STAY, d(2021, 5, 10), d(2021, 5, 10), d(2021, 5, 10).plusDays(days),
                null, null, total, basic, commercial);
    }

    static ClaimFacts critical(String diagnosis) {
        return new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 5, 10), null, null, diagnosis, null, 0, 0, 0);
    }

    static ClaimFacts disability(int grade) {
        return new ClaimFacts(EventType.ACCIDENT_DISABILITY, d(2021, 5, 10), null, null, null, grade, 0, 0, 0);
    }

    @Nested
    class Caps {

        @Test
        void perClaimCapCutsMedical() {
            // (100000 − 40000) × 50% = 30000 > 20000 per claim.
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, stay(5, 10_000_000, 4_000_000, 0), PriorUsage.NONE);
            Line m = a.line(Line.MEDICAL).orElseThrow();
            assertEquals(2_000_000, m.amountFen());
            assertTrue(m.capped());
            assertTrue(m.explanationZh().endsWith("= 30000.00 元；超过单次限额 20000.00 元，支付 20000.00 元"), m.explanationZh());
            assertTrue(m.explanationEn().contains("over the per-claim cap of 20000.00 CNY"), m.explanationEn());
            assertEquals(2_000_000 + 25_000, a.totalFen());
        }

        @Test
        void yearlyCapCountsPriorMedicalPayments() {
            // (20000 − 8000) × 50% = 6000, but 25000 of the 30000 yearly cap is used: 5000 left.
            PriorUsage prior = new PriorUsage(2_500_000, 2_500_000, false, 0);
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, stay(2, 2_000_000, 800_000, 0), prior);
            Line m = a.line(Line.MEDICAL).orElseThrow();
            assertEquals(500_000, m.amountFen());
            assertTrue(m.capped());
            assertTrue(m.explanationZh().contains("2021 年度医疗费用限额 30000.00 元，已付 25000.00 元，剩余 5000.00 元，支付 5000.00 元"),
                    m.explanationZh());
            assertEquals(500_000 + 10_000, a.totalFen());
        }

        @Test
        void exhaustedYearlyCapLeavesMedicalAtZeroButConsolationPaid() {
            PriorUsage prior = new PriorUsage(3_000_000, 3_000_000, false, 0);
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, stay(3, 2_000_000, 800_000, 0), prior);
            assertEquals(0, a.amountOf(Line.MEDICAL));
            assertTrue(a.line(Line.MEDICAL).orElseThrow().capped());
            assertEquals(15_000, a.totalFen());
            assertTrue(a.payable());
        }

        @Test
        void consolationCapPerStay() {
            // 40 days × 50 = 2000 > 1500 per stay.
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, stay(40, 100_000, 50_000, 0), PriorUsage.NONE);
            Line c = a.line(Line.CONSOLATION).orElseThrow();
            assertEquals(150_000, c.amountFen());
            assertTrue(c.capped());
            assertEquals("住院慰问金：40 天 × 50.00 元/天 = 2000.00 元；超过每次住院上限 1500.00 元，支付 1500.00 元",
                    c.explanationZh());
        }

        @Test
        void sameDayStayCountsAsOneDay() {
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, stay(0, 0, 0, 0), PriorUsage.NONE);
            assertEquals(List.of(Line.CONSOLATION), items(a));
            assertEquals(5_000, a.totalFen());
        }

        @Test
        void overallCapWithPriorUsageFillsLumpSumsFirstThenMedicalThenConsolation() {
            // 60000 cap, 38000 paid: 22000 left. Due: medical 5000 + consolation 300 + critical 20000.
            ClaimFacts f = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 5, 10), d(2021, 5, 10), d(2021, 5, 16),
                    "恶性肿瘤", null, 2_000_000, 1_000_000, 0);
            PriorUsage prior = new PriorUsage(3_800_000, 0, false, 0);

            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, f, prior);

            assertEquals(List.of(Line.MEDICAL, Line.CONSOLATION, Line.CRITICAL_ILLNESS, Line.OVERALL_CAP), items(a));
            assertEquals(2_000_000, a.amountOf(Line.CRITICAL_ILLNESS));
            assertEquals(200_000, a.amountOf(Line.MEDICAL));
            assertEquals(0, a.amountOf(Line.CONSOLATION));
            assertEquals(2_200_000, a.totalFen());
            assertEquals(a.totalFen(), a.lines().stream().mapToLong(Line::amountFen).sum());
            assertTrue(a.line(Line.MEDICAL).orElseThrow().capped());
            assertTrue(a.line(Line.CONSOLATION).orElseThrow().capped());
            assertFalse(a.line(Line.CRITICAL_ILLNESS).orElseThrow().capped());
            assertTrue(a.line(Line.MEDICAL).orElseThrow().explanationZh().endsWith("；受每期总限额削减 3000.00 元，实付 2000.00 元"));
            assertEquals("每期总限额 60000.00 元，本期此前已付 38000.00 元，剩余 22000.00 元；本次各项合计 25300.00 元，"
                    + "削减 3300.00 元（已在各项中扣减，本行不计金额）", a.line(Line.OVERALL_CAP).orElseThrow().explanationZh());
        }

        @Test
        void exhaustedOverallCapPaysNothing() {
            PriorUsage prior = new PriorUsage(6_000_000, 3_000_000, true, 0);
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, stay(3, 1_000_000, 0, 0), prior);
            assertEquals(0, a.totalFen());
            assertFalse(a.payable());
            assertEquals(List.of(Rejection.NOTHING_PAYABLE), codes(a));
        }

        @Test
        void noOverallCapMeansNoCut() {
            Benefits uncapped = new Benefits(null, null, null, null, 5_000_000, 0);
            ClaimFacts death = new ClaimFacts(EventType.ACCIDENTAL_DEATH, d(2021, 5, 10), null, null, null, null, 0, 0, 0);
            Assessment a = BenefitCalculator.assess(uncapped, RENEWED_2021, death, new PriorUsage(99_000_000, 0, false, 0));
            assertEquals(5_000_000, a.totalFen());
            assertEquals(List.of(Line.ACCIDENTAL_DEATH), items(a));
        }
    }

    @Nested
    class Deductible {

        private final Benefits withDeductible =
                new Benefits(new MedicalBenefit(60, 100_000, 0, 0), null, null, null, 0, 0);

        @Test
        void deductibleComesOffBeforeTheShare() {
            // (5000 − 2000 − 500 − 1000) × 60% = 900.
            Assessment a = BenefitCalculator.assess(withDeductible, RENEWED_2021, stay(3, 500_000, 200_000, 50_000),
                    PriorUsage.NONE);
            assertEquals(90_000, a.totalFen());
            assertEquals("住院医疗费用：(5000.00 − 2000.00 − 500.00 − 起付线 1000.00) × 60% = 900.00 元",
                    a.line(Line.MEDICAL).orElseThrow().explanationZh());
        }

        @Test
        void costBelowDeductiblePaysNothing() {
            Assessment a = BenefitCalculator.assess(withDeductible, RENEWED_2021, stay(3, 250_000, 200_000, 0),
                    PriorUsage.NONE);
            assertEquals(0, a.amountOf(Line.MEDICAL));
            assertTrue(a.line(Line.MEDICAL).orElseThrow().explanationZh().endsWith("（扣除医保、商业保险和起付线后无余额）"));
            assertEquals(List.of(Rejection.NOTHING_PAYABLE), codes(a));
            assertFalse(a.payable());
        }

        @Test
        void shareRoundsHalfUpToWholeFen() {
            Benefits half = new Benefits(new MedicalBenefit(50, 0, 0, 0), null, null, null, 0, 0);
            // 101 fen × 50% = 50.5 fen → 51; 99 fen × 50% = 49.5 → 50.
            assertEquals(51, BenefitCalculator.assess(half, RENEWED_2021, stay(1, 101, 0, 0), PriorUsage.NONE).totalFen());
            assertEquals(50, BenefitCalculator.assess(half, RENEWED_2021, stay(1, 99, 0, 0), PriorUsage.NONE).totalFen());
            Benefits third = new Benefits(new MedicalBenefit(33, 0, 0, 0), null, null, null, 0, 0);
            // 101 × 33% = 33.33 → 33.
            assertEquals(33, BenefitCalculator.assess(third, RENEWED_2021, stay(1, 101, 0, 0), PriorUsage.NONE).totalFen());
        }
    }

    @Nested
    class WaitingAndCover {

        @Test
        void illnessOnLastWaitingDayIsRejectedAndNextDayIsPaid() {
            // 90 days from 2021-01-01 (day 1) end on 2021-03-31; 2021-04-01 is the first covered day.
            ClaimFacts lastDay = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 3, 31), null, null, "恶性肿瘤", null, 0, 0, 0);
            ClaimFacts firstDay = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 4, 1), null, null, "恶性肿瘤", null, 0, 0, 0);
            Assessment rejected = BenefitCalculator.assess(WX, NEW_2021, lastDay, PriorUsage.NONE);
            assertEquals(List.of(Rejection.WAITING_PERIOD), codes(rejected));
            assertTrue(rejected.lines().isEmpty());
            assertTrue(rejected.rejections().get(0).messageZh().contains("2021-04-01 起"));
            assertEquals(2_000_000, BenefitCalculator.assess(WX, NEW_2021, firstDay, PriorUsage.NONE).totalFen());
        }

        @Test
        void accidentInsideWaitingPeriodIsPaid() {
            ClaimFacts f = new ClaimFacts(EventType.ACCIDENT_DISABILITY, d(2021, 1, 5), null, null, null, 5, 0, 0, 0);
            Assessment a = BenefitCalculator.assess(WX, NEW_2021, f, PriorUsage.NONE);
            assertEquals(1_800_000, a.totalFen());
            assertTrue(a.payable());
        }

        @Test
        void renewalWithoutGapHasNoWaitingPeriod() {
            ClaimFacts f = new ClaimFacts(EventType.HOSPITAL_STAY, d(2021, 1, 2), d(2021, 1, 2), d(2021, 1, 5),
                    null, null, 0, 0, 0);
            assertEquals(List.of(Rejection.WAITING_PERIOD), codes(BenefitCalculator.assess(WX, NEW_2021, f, PriorUsage.NONE)));
            assertEquals(15_000, BenefitCalculator.assess(WX, RENEWED_2021, f, PriorUsage.NONE).totalFen());
        }

        @ParameterizedTest
        @CsvSource({"2020-12-31, false", "2021-01-01, true", "2021-12-31, true", "2022-01-01, false"})
        void coverIsActiveFromStartToEndInclusive(LocalDate eventDate, boolean covered) {
            ClaimFacts f = new ClaimFacts(EventType.ACCIDENTAL_DEATH, eventDate, null, null, null, null, 0, 0, 0);
            Assessment a = BenefitCalculator.assess(WX, NEW_2021, f, PriorUsage.NONE);
            assertEquals(covered, a.payable());
            assertEquals(covered ? 3_000_000 : 0, a.totalFen());
            assertEquals(covered ? List.of() : List.of(Rejection.NOT_COVERED_ON_EVENT_DATE), codes(a));
        }

        @Test
        void illnessBeforeCoverIsNotCoveredRatherThanWaiting() {
            ClaimFacts f = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2020, 12, 1), null, null, "恶性肿瘤", null, 0, 0, 0);
            assertEquals(List.of(Rejection.NOT_COVERED_ON_EVENT_DATE),
                    codes(BenefitCalculator.assess(WX, NEW_2021, f, PriorUsage.NONE)));
        }
    }

    @Nested
    class CriticalIllness {

        @Test
        void paidOncePerTermOtherItemsStillPaid() {
            ClaimFacts f = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 5, 10), d(2021, 5, 10), d(2021, 5, 14),
                    "恶性肿瘤", null, 1_000_000, 600_000, 0);
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, f, new PriorUsage(2_000_000, 0, true, 0));
            assertEquals(List.of(Rejection.ALREADY_PAID_ONCE_PER_TERM), codes(a));
            assertEquals(List.of(Line.MEDICAL, Line.CONSOLATION), items(a));
            assertEquals(200_000 + 20_000, a.totalFen());
            assertTrue(a.payable());
        }

        @Test
        void diagnosisNotOnListDropsOnlyThatItem() {
            ClaimFacts f = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 5, 10), d(2021, 5, 10), d(2021, 5, 14),
                    "重症肺炎", null, 0, 0, 0);
            Assessment a = BenefitCalculator.assess(WX, RENEWED_2021, f, PriorUsage.NONE);
            assertEquals(List.of(Rejection.NOT_ON_DISEASE_LIST), codes(a));
            assertEquals(20_000, a.totalFen());
            assertTrue(a.payable());
        }

        @Test
        void womensPlanPaysBreastCancerButNotLungCancer() {
            PlanTemplate women = DemoPlans.wuxiWomenThreeYear();
            Cover cover = women.coverStartingOn(d(2021, 1, 1), false);
            ClaimFacts breast = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2022, 3, 1), null, null, "左侧 乳腺癌", null, 0, 0, 0);
            ClaimFacts lung = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2022, 3, 1), null, null, "肺恶性肿瘤", null, 0, 0, 0);

            assertEquals(1_000_000, BenefitCalculator.assess(women.benefits(), cover, breast, PriorUsage.NONE).totalFen());
            Assessment a = BenefitCalculator.assess(women.benefits(), cover, lung, PriorUsage.NONE);
            assertEquals(List.of(Rejection.NOT_ON_DISEASE_LIST, Rejection.NOTHING_PAYABLE), codes(a));
            assertFalse(a.payable());
        }

        @Test
        void womensPlanWaitsHalfAYear() {
            PlanTemplate women = DemoPlans.wuxiWomenThreeYear();
            Cover cover = women.coverStartingOn(d(2021, 1, 1), false);
            ClaimFacts early = new ClaimFacts(EventType.CRITICAL_ILLNESS, d(2021, 6, 29), null, null, "宫颈癌", null, 0, 0, 0);
            assertEquals(List.of(Rejection.WAITING_PERIOD),
                    codes(BenefitCalculator.assess(women.benefits(), cover, early, PriorUsage.NONE)));
        }
    }

    @Nested
    class DisabilityAndDeath {

        @ParameterizedTest
        @CsvSource({"1, 3000000", "5, 1800000", "10, 300000"})
        void disabilityByGrade(int grade, long expectedFen) {
            Assessment a = BenefitCalculator.assess(WX, NEW_2021, disability(grade), PriorUsage.NONE);
            assertEquals(List.of(Line.DISABILITY), items(a));
            assertEquals(expectedFen, a.totalFen());
        }

        @Test
        void disabilityExplanationShowsGradeAndPercent() {
            Line l = BenefitCalculator.assess(WX, NEW_2021, disability(5), PriorUsage.NONE).lines().get(0);
            assertEquals("身体伤残互助金：伤残 5 级按 60% 给付，30000.00 × 60% = 18000.00 元", l.explanationZh());
        }

        @Test
        void disabilityInATermAddsUpToAtMostTheBaseSum() {
            Assessment a = BenefitCalculator.assess(WX, NEW_2021, disability(5), new PriorUsage(2_500_000, 0, false, 2_500_000));
            assertEquals(500_000, a.amountOf(Line.DISABILITY));
            assertTrue(a.line(Line.DISABILITY).orElseThrow().capped());
        }

        @Test
        void accidentalDeathPaysTheSum() {
            ClaimFacts f = new ClaimFacts(EventType.ACCIDENTAL_DEATH, d(2021, 2, 1), null, null, null, null, 0, 0, 0);
            Assessment a = BenefitCalculator.assess(WX, NEW_2021, f, PriorUsage.NONE);
            assertEquals(List.of(Line.ACCIDENTAL_DEATH), items(a));
            assertEquals(3_000_000, a.totalFen());
            assertEquals("意外身故互助金：30000.00 元", a.lines().get(0).explanationZh());
        }

        @Test
        void planWithoutAccidentCoverPaysNothingForDeath() {
            PlanTemplate women = DemoPlans.wuxiWomenThreeYear();
            ClaimFacts f = new ClaimFacts(EventType.ACCIDENTAL_DEATH, d(2021, 2, 1), null, null, null, null, 0, 0, 0);
            Assessment a = BenefitCalculator.assess(women.benefits(), women.coverStartingOn(d(2021, 1, 1), false), f,
                    PriorUsage.NONE);
            assertEquals(0, a.totalFen());
            assertEquals(List.of(Rejection.NOTHING_PAYABLE), codes(a));
        }
    }

    @Nested
    class InvalidFacts {

        private Assessment assess(ClaimFacts f) {
            return BenefitCalculator.assess(WX, RENEWED_2021, f, PriorUsage.NONE);
        }

        private void assertInvalid(ClaimFacts f, String expectedZhFragment) {
            Assessment a = assess(f);
            assertEquals(List.of(Rejection.INVALID_FACTS), codes(a), () -> a.rejections().toString());
            assertTrue(a.rejections().get(0).messageZh().contains(expectedZhFragment), a.rejections().get(0).messageZh());
            assertTrue(a.lines().isEmpty());
            assertEquals(0, a.totalFen());
            assertFalse(a.payable());
        }

        @Test
        void dischargeBeforeAdmission() {
            assertInvalid(new ClaimFacts(EventType.HOSPITAL_STAY, d(2021, 5, 10), d(2021, 5, 10), d(2021, 5, 9),
                    null, null, 100, 0, 0), "早于入院日期");
        }

        @Test
        void negativeMoney() {
            assertInvalid(stay(2, 100_000, -1, 0), "基本医疗保险支付不能为负数：-0.01 元");
        }

        @Test
        void insurancePaidMoreThanTotal() {
            assertInvalid(stay(2, 100_000, 60_000, 40_001), "超过总医疗费用 1000.00 元");
        }

        @ParameterizedTest
        @CsvSource({"0", "11", "-1"})
        void gradeOutsideOneToTen(int grade) {
            assertInvalid(disability(grade), "伤残等级须为 1 至 10 级");
        }

        @Test
        void eventOutsideStay() {
            assertInvalid(new ClaimFacts(EventType.HOSPITAL_STAY, d(2021, 5, 20), d(2021, 5, 10), d(2021, 5, 15),
                    null, null, 100, 0, 0), "不在住院期间");
        }

        @Test
        void onlyOneStayDate() {
            assertInvalid(new ClaimFacts(EventType.ACCIDENTAL_DEATH, d(2021, 5, 10), d(2021, 5, 10), null,
                    null, null, 0, 0, 0), "同时填写");
        }

        @Test
        void accidentalDisabilityWithoutGrade() {
            assertInvalid(new ClaimFacts(EventType.ACCIDENT_DISABILITY, d(2021, 5, 10), null, null, null, null, 0, 0, 0),
                    "须填写伤残等级");
        }

        @Test
        void criticalIllnessWithoutDiagnosis() {
            assertInvalid(critical("  "), "须填写诊断");
        }

        @Test
        void everyProblemIsReportedTogether() {
            ClaimFacts f = new ClaimFacts(null, null, d(2021, 5, 10), d(2021, 5, 9), null, null, -5, 0, 0);
            Assessment a = assess(f);
            assertEquals(4, a.rejections().size(), () -> a.rejections().toString());
            assertTrue(a.rejections().stream().allMatch(Rejection::blocking));
        }

        @Test
        void invalidFactsOutsideCoverReportBoth() {
            ClaimFacts f = new ClaimFacts(EventType.HOSPITAL_STAY, d(2022, 5, 10), d(2022, 5, 10), d(2022, 5, 12),
                    null, null, 100, 200, 0);
            assertEquals(List.of(Rejection.NOT_COVERED_ON_EVENT_DATE, Rejection.INVALID_FACTS), codes(assess(f)));
        }
    }
}
