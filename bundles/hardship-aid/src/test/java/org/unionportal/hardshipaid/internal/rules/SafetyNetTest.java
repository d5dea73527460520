package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Huai'an rule (seed 003): the union pays what a household's own share of a year's medical costs exceeds 3,000. */
class SafetyNetTest {
    private static final long THRESHOLD = 300_000L;

    @Test
    void theExcessAboveThreeThousandIsDue() {
        SafetyNet.Calculation c = SafetyNet.calculate(List.of(new SafetyNet.Cost(4_860_000, 3_650_000),
                new SafetyNet.Cost(3_120_000, 2_350_000)), THRESHOLD, 0);
        assertEquals(7_980_000, c.totalFen());
        assertEquals(6_000_000, c.reimbursedFen());
        assertEquals(1_980_000, c.selfPayFen());
        assertEquals(1_680_000, c.excessFen());
        assertEquals(1_680_000, c.dueFen());
        assertTrue(c.stepsZh().get(2).contains("16800"));
    }

    @Test
    void nothingIsDueAtOrBelowTheThreshold() {
        assertEquals(0, SafetyNet.calculate(List.of(new SafetyNet.Cost(1_000_000, 700_000)), THRESHOLD, 0).dueFen());
        assertEquals(0, SafetyNet.calculate(List.of(new SafetyNet.Cost(1_000_001, 700_001)), THRESHOLD, 0).dueFen());
        assertEquals(1, SafetyNet.calculate(List.of(new SafetyNet.Cost(1_000_001, 700_000)), THRESHOLD, 0).dueFen());
        assertEquals(0, SafetyNet.calculate(List.of(), THRESHOLD, 0).dueFen());
    }

    @Test
    void whatWasAwardedThisYearIsDeducted() {
        SafetyNet.Calculation c = SafetyNet.calculate(List.of(new SafetyNet.Cost(2_000_000, 1_000_000)), THRESHOLD, 500_000);
        assertEquals(700_000, c.excessFen());
        assertEquals(200_000, c.dueFen());
        assertEquals(0, SafetyNet.calculate(List.of(new SafetyNet.Cost(2_000_000, 1_000_000)), THRESHOLD, 900_000).dueFen());
    }

    @Test
    void theThresholdIsAParameter() {
        assertEquals(200_000, SafetyNet.calculate(List.of(new SafetyNet.Cost(600_000, 0)), 400_000, 0).dueFen());
    }

    @Test
    void aYearInHospitalWithTheRealThreshold() {
        // 3,000 is the household's own share the union does not cover; it pays every yuan above it
        SafetyNet.Calculation c = SafetyNet.calculate(List.of(new SafetyNet.Cost(5_000_000, 4_200_000)), THRESHOLD, 0);
        assertEquals(800_000, c.selfPayFen(), "8,000 paid by the household");
        assertEquals(500_000, c.dueFen(), "the union pays 5,000");
        assertEquals(THRESHOLD, c.thresholdFen());
        assertEquals(List.of("年度医疗费用合计 50000 元（1 笔）", "医保及其他报销 42000 元，个人自付 8000 元",
                "自付超过兜底起点 3000 元的部分：5000 元", "应兜底 5000 元"), c.stepsZh());
        assertEquals("Due: 5000 CNY", c.stepsEn().get(3));
    }

    @Test
    void exactlyThreeThousandIsNotAboveIt() {
        SafetyNet.Calculation c = SafetyNet.calculate(List.of(new SafetyNet.Cost(900_000, 600_000)), THRESHOLD, 0);
        assertEquals(300_000, c.selfPayFen());
        assertEquals(0, c.excessFen());
        assertEquals("自付未超过兜底起点 3000 元，无需兜底", c.stepsZh().get(2));
    }

    @Test
    void overflowIsRefusedNotWrapped() {
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class, () -> SafetyNet.calculate(
                List.of(new SafetyNet.Cost(Long.MAX_VALUE, 0), new SafetyNet.Cost(1, 0)), THRESHOLD, 0));
    }
}
