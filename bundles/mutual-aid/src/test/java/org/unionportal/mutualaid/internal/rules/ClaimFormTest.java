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
        ClaimForm form = new ClaimForm(null, null, TODAY.plusDays(1), null, null, "院".repeat(201), null, null, null, -1L, -2L, null, null, null);
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
    void amountsBeyondAHundredMillionYuanAreRefusedBeforeTheRulesComputeWithThem() {
        ClaimForm form = new ClaimForm(7L, EventType.HOSPITAL_STAY, TODAY, TODAY, TODAY, "无锡市人民医院", null, null, null,
                Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1, 10_000_000_001L, null, null);
        assertEquals(List.of("totalCostFen:too_large", "basicInsuranceFen:too_large", "commercialInsuranceFen:too_large"),
                form.problems(TODAY).stream().map(e -> e.field() + ":" + e.code()).toList());
        assertTrue(form.problems(TODAY).get(0).text().zh().contains("元"));
    }

    @Test
    void daysOutsideTheYears1900To2999AreRefusedBeforeTheDatabaseSeesThem() {
        ClaimForm form = new ClaimForm(7L, EventType.HOSPITAL_STAY, LocalDate.of(1899, 12, 31), LocalDate.of(-25863, 1, 1),
                LocalDate.of(3000, 1, 1), "无锡市人民医院", null, null, null, 100L, 0L, 0L, null, null);
        assertEquals(List.of("eventDate:date_out_of_range", "admissionDate:date_out_of_range", "dischargeDate:date_out_of_range"),
                form.problems(TODAY).stream().map(e -> e.field() + ":" + e.code()).toList());
    }

    @Test
    void aGoodFormGivesItsFactsWithMissingInsuranceAsZero() {
        ClaimForm form = new ClaimForm(7L, EventType.HOSPITAL_STAY, TODAY, TODAY, TODAY.plusDays(0), " 无锡市人民医院 ", " ", null,
                null, 100_000L, null, null, " 工商银行 ", "6222 0203-0200 1234 567");
        assertEquals(List.of(), form.problems(TODAY));
        assertEquals(new Payee("工商银行", "6222020302001234567"), form.payee(), "blanks and dashes are dropped");
        ClaimFacts facts = form.facts();
        assertEquals(0, facts.basicInsuranceFen());
        assertEquals(0, facts.commercialInsuranceFen());
        assertEquals("无锡市人民医院", form.hospitalOrNull());
        assertEquals(null, form.diagnosisOrNull());
    }

    @Test
    void aPayeeNeedsBothFieldsAndAnAccountOfDigits() {
        assertEquals(List.of(), Payee.of(" ", null).problems(), "none at all is fine: it can come later");
        assertEquals(List.of("bankName:required"), codes(Payee.of(null, "6222020302001234567")));
        assertEquals(List.of("bankAccount:required"), codes(Payee.of("工商银行", "")));
        assertEquals(List.of("bankAccount:invalid_account"), codes(Payee.of("工商银行", "62220203X")));
        assertEquals(List.of("bankAccount:invalid_account"), codes(Payee.of("工商银行", "1".repeat(31))));
        assertEquals(List.of("bankName:too_long"), codes(Payee.of("行".repeat(101), "6222020302001234567")));
        assertTrue(Payee.of("工商银行", "6222020302001234567").complete());
    }

    private static List<String> codes(Payee p) {
        return p.problems().stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
