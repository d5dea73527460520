package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm.MemberForm;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm.SchoolingForm;

/** An application is checked field by field, and every problem names the field the form marks. */
class FormCheckFieldsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String APPLICANT = IdNumbers.of("320202", LocalDate.of(1978, 5, 4), 13);
    private static final String SPOUSE = IdNumbers.of("320202", LocalDate.of(1980, 2, 9), 24);
    private static final String STUDENT = IdNumbers.of("320213", LocalDate.of(2008, 9, 1), 31);

    private static MemberForm self() {
        return new MemberForm("王建国", APPLICANT, "SELF", 180_000L, "肝病，长期服药", "环卫工", null);
    }

    private static MemberForm child(SchoolingForm schooling) {
        return new MemberForm("王小明", STUDENT, "CHILD", 0L, null, null, schooling);
    }

    /** A special-hardship family: applicant, spouse and a new university entrant studying in another city. */
    private static HouseholdForm valid() {
        return new HouseholdForm(8L, "梁溪区某路 1 号", "13812345678", List.of("ILLNESS", "LOW_INCOME"), "户主长期患病",
                "SPECIAL", "BANK", "中国工商银行", "6222020302001234567", "AX2026001",
                List.of(self(), new MemberForm("李秀英", SPOUSE, "SPOUSE", 120_000L, null, "保洁", null),
                        child(new SchoolingForm(2026, "UNIVERSITY", "南京大学", true, true, 14_950L, 14_950L))));
    }

    private static List<String> fieldsWrongIn(HouseholdForm form) {
        ProblemException p = assertThrows(ProblemException.class, () -> FormCheck.check(form, TODAY));
        assertEquals(422, p.status());
        return p.errors().stream().map(ProblemException.FieldError::field).distinct().toList();
    }

    private static HouseholdForm withMembers(UnaryOperator<List<MemberForm>> change) {
        HouseholdForm f = valid();
        return new HouseholdForm(f.orgId(), f.address(), f.phone(), f.causes(), f.hardshipNote(), f.requestedLevel(),
                f.channel(), f.bankName(), f.bankAccount(), f.loveCardNo(), change.apply(new ArrayList<>(f.members())));
    }

    @Test
    void aCompleteApplicationPasses() {
        FormCheck.check(valid(), TODAY);
    }

    @Test
    void aMissingApplicationIsOneProblem() {
        assertEquals(List.of("body"), fieldsWrongIn(null));
    }

    @Test
    void householdFieldsAreNamed() {
        HouseholdForm f = valid();
        HouseholdForm wrong = new HouseholdForm(f.orgId(), "路".repeat(201), "12345", List.of("ILLNESS", "LAZINESS"),
                "说".repeat(1001), "VERY_POOR", "CASH", " ", "6222-0203", "#", f.members());
        // no love card is asked for: the level and the channel that would need one are not known
        assertEquals(List.of("address", "phone", "causes", "hardshipNote", "requestedLevel", "channel", "bankAccount", "bankName"),
                fieldsWrongIn(wrong));
    }

    @Test
    void aCauseRepeatedOrALoveCardLongerThanItsColumnIsAFieldProblemNotA500() {
        HouseholdForm f = valid();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            repeated.add("ILLNESS");
        }
        HouseholdForm wrong = new HouseholdForm(f.orgId(), f.address(), f.phone(), repeated, f.hardshipNote(), "HARDSHIP",
                "BANK", f.bankName(), f.bankAccount(), "卡".repeat(41), f.members());
        // the love card is not needed here (bank transfer, hardship level), but still cannot be longer than its column
        assertEquals(List.of("causes", "loveCardNo"), fieldsWrongIn(wrong));
    }

    @Test
    void aLandlineWithAreaCodeIsAPhoneToo() {
        HouseholdForm f = valid();
        FormCheck.check(new HouseholdForm(f.orgId(), f.address(), "0510-82701234", f.causes(), f.hardshipNote(),
                f.requestedLevel(), f.channel(), f.bankName(), f.bankAccount(), f.loveCardNo(), f.members()), TODAY);
    }

    @Test
    void atLeastOneCause() {
        HouseholdForm f = valid();
        assertEquals(List.of("causes"), fieldsWrongIn(new HouseholdForm(f.orgId(), f.address(), f.phone(), List.of(),
                f.hardshipNote(), f.requestedLevel(), f.channel(), f.bankName(), f.bankAccount(), f.loveCardNo(), f.members())));
    }

    @Test
    void theLoveCardIsNeededForSpecialHardshipOrTheCardChannelOnly() {
        HouseholdForm f = valid();
        assertEquals(List.of("loveCardNo"), fieldsWrongIn(new HouseholdForm(f.orgId(), f.address(), f.phone(), f.causes(),
                f.hardshipNote(), "SPECIAL", "BANK", f.bankName(), f.bankAccount(), null, f.members())));
        assertEquals(List.of("loveCardNo"), fieldsWrongIn(new HouseholdForm(f.orgId(), f.address(), f.phone(), f.causes(),
                f.hardshipNote(), "HARDSHIP", "LOVE_CARD", f.bankName(), f.bankAccount(), null, f.members())));
        FormCheck.check(new HouseholdForm(f.orgId(), f.address(), f.phone(), f.causes(), f.hardshipNote(), "HARDSHIP", "BANK",
                f.bankName(), f.bankAccount(), null, f.members()), TODAY);
    }

    @Test
    void exactlyOneApplicantAndNoIdNumberTwice() {
        assertEquals(List.of("members"), fieldsWrongIn(withMembers(m -> List.of())));
        assertEquals(List.of("members"), fieldsWrongIn(withMembers(m -> {
            m.set(1, new MemberForm("李秀英", SPOUSE, "SELF", 0L, null, null, null));
            return m;
        })));
        assertEquals(List.of("members[1].idNumber"), fieldsWrongIn(withMembers(m -> {
            m.set(1, new MemberForm("李秀英", APPLICANT, "SPOUSE", 0L, null, null, null));
            return m;
        })));
        assertEquals(List.of("members"), fieldsWrongIn(withMembers(m -> {
            for (int i = 0; i < FormCheck.MAX_MEMBERS; i++) {
                m.add(new MemberForm("亲属" + i, IdNumbers.of("320205", LocalDate.of(1950, 1, 1).plusDays(i), 40 + i), "OTHER", 0L,
                        null, null, null));
            }
            return m;
        })));
    }

    @Test
    void eachMembersFieldsAreNamedWithItsIndex() {
        String wrongCheckDigit = SPOUSE.substring(0, 17) + (SPOUSE.charAt(17) == '1' ? '2' : '1');
        assertEquals(List.of("members[1].name", "members[1].idNumber", "members[1].relation", "members[1].monthlyIncomeFen"),
                fieldsWrongIn(withMembers(m -> {
                    m.set(1, new MemberForm(" ", wrongCheckDigit, "NEIGHBOUR", -1L, null, null, null));
                    return m;
                })));
        assertEquals(List.of("members[0].monthlyIncomeFen"), fieldsWrongIn(withMembers(m -> {
            m.set(0, new MemberForm("王建国", APPLICANT, "SELF", FormCheck.MAX_MONTHLY_INCOME_FEN + 1, null, null, null));
            return m;
        })));
        assertEquals(List.of("members[1]"), fieldsWrongIn(withMembers(m -> {
            m.set(1, null);
            return m;
        })));
    }

    @Test
    void schoolingIsForChildrenInTheSchoolYearsAroundToday() {
        assertEquals(List.of("members[2].schooling.schoolYear"), fieldsWrongIn(withMembers(m -> {
            m.set(2, child(new SchoolingForm(2024, "UNIVERSITY", "南京大学", false, false, null, null)));
            return m;
        })));
        assertEquals(List.of("members[1].schooling.stage"), fieldsWrongIn(withMembers(m -> {
            m.set(1, new MemberForm("李秀英", SPOUSE, "SPOUSE", 0L, null, null,
                    new SchoolingForm(2026, "UNIVERSITY", "开放大学", false, false, null, null)));
            return m;
        })));
        assertEquals(List.of("members[2].schooling.stage"), fieldsWrongIn(withMembers(m -> {
            m.set(2, child(new SchoolingForm(2026, "DOCTORATE", null, false, false, null, null)));
            return m;
        })));
    }

    @Test
    void theEntrantAwardAndTicketAreForUniversityEntrantsStudyingAway() {
        assertEquals(List.of("members[2].schooling.newEntrant"), fieldsWrongIn(withMembers(m -> {
            m.set(2, child(new SchoolingForm(2026, "SENIOR_HIGH", "市一中", true, false, null, null)));
            return m;
        })));
        // a ticket for an entrant studying in the home city
        assertEquals(List.of("members[2].schooling.ticketFen"), fieldsWrongIn(withMembers(m -> {
            m.set(2, child(new SchoolingForm(2026, "UNIVERSITY", "江南大学", true, false, 3_000L, 3_000L)));
            return m;
        })));
        // a ticket above 5,000 yuan, and without the second-class fare it is capped at
        assertEquals(List.of("members[2].schooling.ticketFen", "members[2].schooling.fareCapFen"), fieldsWrongIn(withMembers(m -> {
            m.set(2, child(new SchoolingForm(2026, "UNIVERSITY", "北京大学", true, true, 500_001L, null)));
            return m;
        })));
    }
}
