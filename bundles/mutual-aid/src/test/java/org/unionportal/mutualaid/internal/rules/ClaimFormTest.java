package org.unionportal.mutualaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.api.rest.ProblemException.FieldError;

/** A filed claim is checked field by field, and each message is in one language per side. */
class ClaimFormTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void everyWrongFieldIsListedInFieldOrder() {
        ClaimForm form = new ClaimForm(null, null, TODAY.plusDays(1), null, null, "院".repeat(201), null, null, null, -1L, -2L, null);
        List<FieldError> problems = form.problems(TODAY);
        assertEquals(List.of("enrolmentId", "eventType", "eventDate", "totalCostFen", "basicInsuranceFen", "hospital"),
                problems.stream().map(FieldError::field).toList());
        assertEquals(List.of("required", "invalid_choice", "in_future", "not_an_amount", "not_an_amount", "too_long"),
                problems.stream().map(FieldError::code).toList());
        for (FieldError e : problems) {
            assertTrue(e.text().zh().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    () -> "not Chinese: " + e);
            assertTrue(e.text().en().codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    () -> "Chinese on the English side: " + e);
        }
    }

    @Test
    void aGoodFormGivesItsFactsWithMissingInsuranceAsZero() {
        ClaimForm form = new ClaimForm(7L, EventType.HOSPITAL_STAY, TODAY, TODAY, TODAY.plusDays(0), " 无锡市人民医院 ", " ", null,
                null, 100_000L, null, null);
        assertEquals(List.of(), form.problems(TODAY));
        ClaimFacts facts = form.facts();
        assertEquals(0, facts.basicInsuranceFen());
        assertEquals(0, facts.commercialInsuranceFen());
        assertEquals("无锡市人民医院", form.hospitalOrNull());
        assertEquals(null, form.diagnosisOrNull());
    }
}
