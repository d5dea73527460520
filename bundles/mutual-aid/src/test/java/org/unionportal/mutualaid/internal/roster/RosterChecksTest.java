package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.i18n.Text;
import org.unionportal.mutualaid.internal.rules.NotEligible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class RosterChecksTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    private static RosterRow row(int line, String id, String gender) {
        return new RosterRow(line, "张伟", id, "13800001234", gender, "EMPLOYEE", true, true);
    }

    private static List<String> fields(List<RowProblem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.field()).toList();
    }

    @Test
    void validRowsHaveNoProblems() {
        List<RosterRow> rows = List.of(row(2, TestData.man(1), "M"), row(3, TestData.woman(2), "F"),
                new RosterRow(4, "李娜", TestData.woman(3), "+86 139-0000-5678", "女", "新就业形态劳动者", false, false));
        assertEquals(List.of(), RosterChecks.check(rows, TODAY, Set.of(), null));
    }

    @Test
    void requiredFieldsAndBadValues() {
        RosterRow empty = new RosterRow(2, null, null, null, null, null, null, null);
        assertEquals(List.of("2:name", "2:idNumber", "2:phone", "2:gender", "2:category", "2:basicInsurance",
                "2:unionMember"), fields(RosterChecks.check(List.of(empty), TODAY, null, null)));
        RosterRow bad = new RosterRow(3, "张伟", TestData.man(1), "12345", "X", "退休", true, null);
        List<RowProblem> p = RosterChecks.check(List.of(bad), TODAY, null, null);
        assertEquals(List.of("3:phone", "3:gender", "3:category", "3:unionMember"), fields(p));
        assertTrue(p.get(2).text().zh().contains("退休"));
    }

    @Test
    void genderMustMatchIdNumber() {
        List<RowProblem> p = RosterChecks.check(List.of(row(2, TestData.man(1), "F"), row(3, TestData.woman(1), "M"),
                row(4, TestData.man(2), "M")), TODAY, null, null);
        assertEquals(List.of("2:gender", "3:gender"), fields(p));
        assertEquals(Text.of("性别与身份证号不符", "Gender does not match the ID number"), p.get(0).text());
        assertEquals("gender_mismatch", p.get(0).code());
    }

    @Test
    void ageBoundsSixteenToSeventy() {
        String sixteenToday = TestData.id(TODAY.minusYears(16), 1);
        String fifteen = TestData.id(TODAY.minusYears(16).plusDays(1), 1);
        String seventy = TestData.id(TODAY.minusYears(71).plusDays(1), 1);
        String seventyOne = TestData.id(TODAY.minusYears(71), 1);
        List<RowProblem> p = RosterChecks.check(List.of(row(2, sixteenToday, "M"), row(3, fifteen, "M"),
                row(4, seventy, "M"), row(5, seventyOne, "M")), TODAY, null, null);
        assertEquals(List.of("3:idNumber", "5:idNumber"), fields(p));
        assertTrue(p.get(0).text().zh().startsWith("年龄不符合参保条件"), p.get(0).text().zh());
        assertTrue(p.get(0).text().en().contains("15"));
        assertTrue(p.get(1).text().en().contains("71"));
    }

    @Test
    void idProblemsAreReported() {
        String good = TestData.man(1);
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        List<RowProblem> p = RosterChecks.check(List.of(row(2, wrongCheck, "M")), TODAY, null, null);
        assertEquals(List.of(RowProblem.of(2, "idNumber", "id_check_digit", "身份证号校验位错误", "ID number check digit is wrong")), p);
    }

    @Test
    void duplicatesInsideTheFileNameEachOther() {
        String a = TestData.man(1);
        String b = TestData.woman(2);
        List<RowProblem> p = RosterChecks.check(List.of(row(2, a, "M"), row(3, b, "F"), row(5, a, "M"),
                row(9, a, "M")), TODAY, null, null);
        assertEquals(List.of("2:idNumber", "5:idNumber", "9:idNumber"), fields(p));
        assertTrue(p.get(0).text().zh().contains("第5、9行"), p.get(0).text().zh());
        assertTrue(p.get(1).text().zh().contains("第2、9行"), p.get(1).text().zh());
        assertTrue(p.get(2).text().en().contains("lines 2, 5"), p.get(2).text().zh());
    }

    @Test
    void duplicateAgainstAlreadyEnrolled() {
        String a = TestData.man(1);
        List<RowProblem> p = RosterChecks.check(List.of(row(2, a, "M"), row(3, TestData.man(2), "M")), TODAY,
                Set.of(a, "SOMETHING-ELSE"), null);
        assertEquals(List.of(RowProblem.of(2, "idNumber", "already_enrolled", "已参加本期该项目", "Already enrolled in this plan for this term")),
                p);
    }

    @Test
    void eligibilityIsCheckedOnEveryRowSoOneUploadShowsEveryProblemOfARow() {
        AtomicInteger calls = new AtomicInteger();
        Function<RosterRow, List<NotEligible>> rules = r -> {
            calls.incrementAndGet();
            return Boolean.FALSE.equals(r.unionMember())
                    ? List.of(new NotEligible(NotEligible.NOT_UNION_MEMBER, Text.of("非工会会员", "Not a union member")),
                    new NotEligible("second_reason", Text.of("第二个理由", "second"))) : List.of();
        };
        RosterRow notMember = new RosterRow(2, "李娜", TestData.woman(1), "13800001234", "F", "EMPLOYEE", true, false);
        RosterRow brokenPhone = new RosterRow(3, "王五", TestData.man(1), "1", "M", "EMPLOYEE", true, false);
        String wrongCheckDigit = TestData.man(3).substring(0, 17) + (TestData.man(3).endsWith("1") ? "2" : "1");
        RosterRow brokenId = new RosterRow(4, "赵六", wrongCheckDigit, "13800001234", "M", "EMPLOYEE", true, false);
        RosterRow fine = row(5, TestData.man(2), "M");
        List<RowProblem> p = RosterChecks.check(List.of(notMember, brokenPhone, brokenId, fine), TODAY, null, rules);
        assertEquals(List.of("2:eligibility", "2:eligibility", "3:phone", "3:eligibility", "3:eligibility",
                "4:idNumber", "4:eligibility", "4:eligibility"), fields(p));
        // each reason is its own problem, under its own code
        assertEquals(List.of(NotEligible.NOT_UNION_MEMBER, "second_reason"), p.subList(0, 2).stream().map(RowProblem::code).toList());
        assertEquals(Text.of("非工会会员", "Not a union member"), p.get(0).text());
        assertEquals(4, calls.get(), "eligibility runs on every row, also those with field problems");
    }

    @Test
    void checkAllStopsAtFileProblems() {
        ParsedRoster bad = new ParsedRoster(List.of(), List.of(RowProblem.of(1, "file", "x", "x", "x")));
        assertEquals(bad.problems(), RosterChecks.checkAll(bad, TODAY, null, r -> List.of(new NotEligible("never", Text.of("never", "never")))));
        ParsedRoster ok = new ParsedRoster(List.of(row(2, TestData.man(1), "F")), List.of());
        assertEquals(List.of("2:gender"), fields(RosterChecks.checkAll(ok, TODAY, null, null)));
    }

    @Test
    void manyRowsSharingOneIdStayFast() {
        String a = TestData.man(1);
        List<RosterRow> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(row(i + 2, a, "M"));
        }
        long t = System.nanoTime();
        List<RowProblem> p = RosterChecks.check(rows, TODAY, null, null);
        System.out.printf("check of 100k rows with one shared ID: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        assertEquals(100_000, p.size());
        assertTrue(p.get(0).text().zh().contains("等99999行"), p.get(0).text().zh());
    }

    @Test
    void memberOfAnotherUnionIsRefusedWithoutSayingMore() {
        String a = TestData.man(1);
        String b = TestData.woman(2);
        // a is enrolled (by the other union) and a member there: the row says only that this union may not register it
        List<RowProblem> p = RosterChecks.check(List.of(row(2, a, "M"), row(3, b, "F")), TODAY, Set.of(a), Set.of(a), null);
        assertEquals(List.of(new RowProblem(2, "idNumber", org.unionportal.api.member.OtherUnionException.CODE,
                org.unionportal.api.member.OtherUnionException.MESSAGE)), p);
        assertTrue(p.get(0).text().zh().contains("转移") && !p.get(0).text().zh().contains("已参加"), p.get(0).text().zh());
    }
}
