package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.rest.ProblemException;

/** The application's field checks: each problem names its field, has a stable code and a message in both languages. */
class FormCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String HEAD = IdNumbers.of("320202", LocalDate.of(1978, 5, 6), 101);
    private static final String CHILD = IdNumbers.of("320202", LocalDate.of(2007, 9, 1), 102);

    private static HouseholdForm.MemberForm head() {
        return new HouseholdForm.MemberForm("王建国", HEAD, "SELF", 320_000L, null, "环卫工", null);
    }

    private static HouseholdForm form(List<String> causes, String level, String channel, String account, String card,
            List<HouseholdForm.MemberForm> members) {
        return new HouseholdForm(8L, "梁溪区演示路 1 号", "13912340000", causes, null, level, channel, "工行", account, card, members);
    }

    private static HouseholdForm valid() {
        HouseholdForm.SchoolingForm entrant = new HouseholdForm.SchoolingForm(2026, "UNIVERSITY", "南京大学", true, true, 14_000L, 14_000L);
        return form(List.of("ILLNESS", "EDUCATION"), "SPECIAL", "BANK", "6222020302012345678", "AX00010001",
                List.of(head(), new HouseholdForm.MemberForm("王小燕", CHILD, "CHILD", 0L, null, "学生", entrant)));
    }

    private static Map<String, String> problems(HouseholdForm f) {
        ProblemException p = assertThrows(ProblemException.class, () -> FormCheck.check(f, TODAY));
        assertEquals(422, p.status());
        p.errors().forEach(e -> assertTrue(!e.text().zh().equals(e.text().en()), () -> "one language only: " + e));
        return p.errors().stream().collect(Collectors.toMap(ProblemException.FieldError::field, ProblemException.FieldError::code,
                (a, b) -> a + "," + b));
    }

    @Test
    void aCompleteApplicationPasses() {
        FormCheck.check(valid(), TODAY);
    }

    @Test
    void everyWrongFieldIsNamedWithItsCode() {
        List<HouseholdForm.MemberForm> members = new ArrayList<>(List.of(head(),
                new HouseholdForm.MemberForm("某", CHILD.substring(0, 17) + (CHILD.charAt(17) == '1' ? '2' : '1'), "COUSIN", -5L, null, null,
                        null)));
        Map<String, String> p = problems(form(List.of("LAZINESS"), "RICH", "CASH", "12ab", null, members));
        assertEquals("unknown_cause", p.get("causes"));
        assertEquals("unknown_level", p.get("requestedLevel"));
        assertEquals("unknown_channel", p.get("channel"));
        assertEquals("invalid_bank_account", p.get("bankAccount"));
        assertEquals("invalid_id_number", p.get("members[1].idNumber"));
        assertEquals("unknown_relation", p.get("members[1].relation"));
        assertEquals("invalid_amount", p.get("members[1].monthlyIncomeFen"));
    }

    @Test
    void specialHardshipNeedsALoveCardAndExactlyOneApplicant() {
        Map<String, String> p = problems(form(List.of("ILLNESS"), "SPECIAL", "BANK", "6222020302012345678", null, List.of(head(), head())));
        assertEquals("love_card_needed", p.get("loveCardNo"));
        assertTrue(p.get("members").contains("one_applicant"), p::toString);
        assertEquals("duplicate_id_number", p.get("members[1].idNumber"));
        assertEquals("required", problems(form(List.of(), "HARDSHIP", "BANK", "6222020302012345678", null, List.of(head()))).get("causes"));
    }

    @Test
    void onlyUniversityEntrantsStudyingAwayGetATicket() {
        HouseholdForm.SchoolingForm pupil = new HouseholdForm.SchoolingForm(2026, "PRIMARY", "实验小学", true, false, 9_900L, 9_900L);
        Map<String, String> p = problems(form(List.of("EDUCATION"), "HARDSHIP", "BANK", "6222020302012345678", null,
                List.of(head(), new HouseholdForm.MemberForm("王小明", CHILD, "CHILD", 0L, null, null, pupil))));
        assertEquals("university_only", p.get("members[1].schooling.newEntrant"));
        assertEquals("entrants_away_only", p.get("members[1].schooling.ticketFen"));
        HouseholdForm.SchoolingForm late = new HouseholdForm.SchoolingForm(2030, "SENIOR_HIGH", null, false, false, null, null);
        assertEquals("invalid_school_year", problems(form(List.of("EDUCATION"), "HARDSHIP", "BANK", "6222020302012345678", null,
                List.of(head(), new HouseholdForm.MemberForm("王小明", CHILD, "CHILD", 0L, null, null, late)))).get("members[1].schooling.schoolYear"));
    }

    @Test
    void idNumberProblemsSpeakOneLanguageEach() {
        var text = FormCheck.idNumberProblem("12345", TODAY).orElseThrow();
        assertTrue(text.zh().startsWith("身份证号应为18位"), text::zh);
        assertTrue(text.en().startsWith("ID number must have 18 characters"), text::en);
    }
}
