package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The templates carry the seed articles' figures. */
class DemoPlansTest {

    @Test
    void threeInOne() {
        PlanTemplate p = DemoPlans.wuxiThreeInOne();
        assertEquals("WX-3IN1", p.code());
        assertEquals(1, p.termYears());
        assertEquals(12_000, p.feeFen());
        assertEquals(FeeBasis.PER_YEAR, p.feeBasis());
        assertEquals(90, p.waitingDaysIllness());
        assertEquals(new Eligibility(true, true, true, false, Set.of(WorkerCategory.EMPLOYEE, WorkerCategory.MODEL_WORKER)),
                p.eligibility());
        Benefits b = p.benefits();
        assertEquals(new MedicalBenefit(50, 0, 2_000_000, 3_000_000), b.medical());
        assertEquals(new ConsolationBenefit(ConsolationMode.PER_DAY, 5_000, 150_000), b.consolation());
        assertEquals(2_000_000, b.criticalIllness().amountFen());
        assertEquals(DemoPlans.COMMON_CRITICAL_ILLNESSES, b.criticalIllness().diseases());
        assertEquals(8, b.criticalIllness().diseases().size());
        assertEquals(3_000_000, b.disability().baseSumFen());
        assertEquals(3_000_000, b.accidentalDeathFen());
        assertEquals(6_000_000, b.overallCapFen());
    }

    @Test
    void gigWorkers() {
        PlanTemplate p = DemoPlans.wuxiGigWorkers();
        assertEquals("WX-XINBAO", p.code());
        assertEquals(0, p.feeFen());
        assertEquals(30, p.waitingDaysIllness());
        assertEquals(new Eligibility(false, false, false, false, Set.of(WorkerCategory.GIG_WORKER)), p.eligibility());
        Benefits b = p.benefits();
        assertEquals(new MedicalBenefit(50, 0, 1_000_000, 1_000_000), b.medical());
        assertEquals(new ConsolationBenefit(ConsolationMode.PER_DAY, 5_000, 100_000), b.consolation());
        assertEquals(1_000_000, b.criticalIllness().amountFen());
        assertEquals(2_000_000, b.disability().baseSumFen());
        assertEquals(2_000_000, b.accidentalDeathFen());
        assertEquals(3_000_000, b.overallCapFen());
    }

    @Test
    void womenThreeYear() {
        PlanTemplate p = DemoPlans.wuxiWomenThreeYear();
        assertEquals("WX-WOMEN3", p.code());
        assertEquals(3, p.termYears());
        assertEquals(9_000, p.feeFen());
        assertEquals(FeeBasis.PER_TERM, p.feeBasis());
        assertEquals(9_000, p.feePerTermFen());
        assertEquals(180, p.waitingDaysIllness());
        assertTrue(p.eligibility().womenOnly());
        Benefits b = p.benefits();
        assertNull(b.medical());
        assertNull(b.consolation());
        assertNull(b.disability());
        assertEquals(0, b.accidentalDeathFen());
        assertEquals(1_000_000, b.criticalIllness().amountFen());
        assertEquals(List.of("乳腺癌", "宫颈癌", "卵巢癌", "子宫内膜癌", "子宫肉瘤", "阴道癌", "外阴癌", "输卵管癌"),
                b.criticalIllness().diseases());
        assertEquals(1_000_000, b.overallCapFen());
        Cover c = p.coverStartingOn(LocalDate.of(2021, 3, 1), false);
        assertEquals(LocalDate.of(2024, 2, 29), c.coverEnd());
    }

    @Test
    void huaianFifty() {
        PlanTemplate p = DemoPlans.huaianFifty();
        assertEquals("HA-50", p.code());
        assertEquals(5_000, p.feeFen());
        assertEquals(5_000, p.feePerTermFen());
        assertEquals(90, p.waitingDaysIllness());
        Benefits b = p.benefits();
        assertNull(b.medical());
        assertEquals(new ConsolationBenefit(ConsolationMode.PER_DAY, 3_000, 90_000), b.consolation());
        assertEquals(3_000_000, b.criticalIllness().amountFen());
        assertEquals(3_000_000, b.disability().baseSumFen());
        assertEquals(3_000_000, b.accidentalDeathFen());
        assertEquals(3_000_000, b.overallCapFen());
    }

    @Test
    void oneYearCoverEndsTheDayBeforeTheAnniversary() {
        Cover c = DemoPlans.wuxiThreeInOne().coverStartingOn(LocalDate.of(2022, 7, 1), true);
        assertEquals(new Cover(LocalDate.of(2022, 7, 1), LocalDate.of(2023, 6, 30), 90, true), c);
    }

    @Test
    void lookupByCode() {
        assertEquals(List.of("WX-3IN1", "WX-XINBAO", "WX-WOMEN3", "HA-50"),
                DemoPlans.all().stream().map(PlanTemplate::code).toList());
        assertEquals("HA-50", DemoPlans.byCode("HA-50").orElseThrow().code());
        assertTrue(DemoPlans.byCode("nope").isEmpty());
    }

    @Test
    void badConfigurationFailsFast() {
        assertThrows(IllegalArgumentException.class, () -> new MedicalBenefit(101, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConsolationBenefit(ConsolationMode.PER_DAY, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LumpSumBenefit(100, List.of("恶性肿瘤", " ")));
        assertThrows(IllegalArgumentException.class,
                () -> new Cover(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 1, 31), 0, false));
        assertThrows(IllegalArgumentException.class, () -> new PriorUsage(-1, 0, false, 0));
    }
}
