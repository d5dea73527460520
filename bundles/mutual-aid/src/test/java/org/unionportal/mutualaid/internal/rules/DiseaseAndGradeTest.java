package org.unionportal.mutualaid.internal.rules;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiseaseAndGradeTest {

    private final LumpSumBenefit common = new LumpSumBenefit(100, DemoPlans.COMMON_CRITICAL_ILLNESSES);

    @Test
    void diagnosisMatchesWhenItContainsAListedName() {
        assertEquals(Optional.of("恶性肿瘤"), common.matchedDisease("食管恶性肿瘤"));
        assertEquals(Optional.of("恶性肿瘤"), common.matchedDisease("肺 恶性\u3000肿瘤"));
        assertEquals(Optional.of("急性心肌梗塞"), common.matchedDisease("急性心肌梗塞"));
        assertEquals(Optional.empty(), common.matchedDisease("肺癌"));
        assertEquals(Optional.empty(), common.matchedDisease(null));
        assertEquals(Optional.empty(), common.matchedDisease(" "));
    }

    @Test
    void matchingIgnoresCase() {
        LumpSumBenefit latin = new LumpSumBenefit(100, List.of("ALS"));
        assertEquals(Optional.of("ALS"), latin.matchedDisease("familial als"));
    }

    @Test
    void emptyListAcceptsAnyDiagnosis() {
        LumpSumBenefit any = new LumpSumBenefit(100, List.of());
        assertEquals(Optional.of("肺癌"), any.matchedDisease(" 肺癌 "));
        assertEquals(Optional.empty(), any.matchedDisease(""));
    }

    @Test
    void gradeTable() {
        assertEquals(100, DisabilityBenefit.percentForGrade(1));
        assertEquals(60, DisabilityBenefit.percentForGrade(5));
        assertEquals(10, DisabilityBenefit.percentForGrade(10));
        for (int g = 1; g <= 10; g++) {
            assertEquals(110 - 10 * g, DisabilityBenefit.percentForGrade(g));
        }
        assertThrows(IllegalArgumentException.class, () -> DisabilityBenefit.percentForGrade(0));
        assertThrows(IllegalArgumentException.class, () -> DisabilityBenefit.percentForGrade(11));
        // Rounds half up: 3 fen × 50% (grade 6) = 1.5 → 2.
        assertEquals(2, new DisabilityBenefit(3).amountForGrade(6));
    }
}
