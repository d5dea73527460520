package org.unionportal.core.internal.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.api.rest.ProblemException.FieldError;

class MemberRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String ID = IdNumbers.of("320202", LocalDate.of(1990, 3, 12), 124);

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    private static MemberRules.Form form(String id, String name, String phone, Set<MemberCategory> categories,
                                         GigOccupation occupation, LocalDate joined) {
        return new MemberRules.Form(id, name, phone, categories, occupation, joined);
    }

    @Test
    void aValidFormHasNoProblemAndIsNormalised() {
        MemberRules.Form f = form(" 3202 0219 9003 1212 4" + ID.charAt(17) + " ".replace(" ", ""), " 王芳 ", "+86 139-1234-5678",
                Set.of(MemberCategory.EMPLOYEE), null, LocalDate.of(2015, 1, 1));
        assertEquals(ID, f.idNumber());
        assertEquals("王芳", f.name());
        assertEquals("13912345678", f.phone());
        assertEquals(List.of(), MemberRules.check(f, TODAY));
    }

    @Test
    void everyFieldIsChecked() {
        String wrongCheck = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        assertEquals(List.of("name:name_missing", "idNumber:id_check_digit", "phone:phone_length", "categories:category_missing",
                        "joinedOn:joined_in_future"),
                codes(MemberRules.check(form(wrongCheck, " ", "13912", Set.of(), null, TODAY.plusDays(1)), TODAY)));
        assertEquals(List.of("joinedOn:joined_before_birth"),
                codes(MemberRules.check(form(ID, "王芳", null, Set.of(MemberCategory.EMPLOYEE), null, LocalDate.of(1989, 1, 1)), TODAY)));
        assertEquals(List.of("name:name_too_long"),
                codes(MemberRules.check(form(ID, "王".repeat(51), null, Set.of(MemberCategory.EMPLOYEE), null, null), TODAY)));
    }

    @Test
    void aGigWorkerAndOnlyAGigWorkerHasAnOccupation() {
        assertEquals(List.of("occupation:occupation_missing"),
                codes(MemberRules.categoryProblems(Set.of(MemberCategory.GIG_WORKER), null)));
        assertEquals(List.of(), codes(MemberRules.categoryProblems(Set.of(MemberCategory.GIG_WORKER, MemberCategory.WORKER_REPRESENTATIVE),
                GigOccupation.COURIER)));
        assertEquals(List.of("occupation:occupation_not_gig"),
                codes(MemberRules.categoryProblems(Set.of(MemberCategory.SANITATION_WORKER), GigOccupation.TRUCK_DRIVER)));
    }

    @Test
    void aMemberBelongsToOneUnion() {
        Member ofTen = member(10, "/1/2/10/");
        assertTrue(MemberRules.mayWrite(Optional.empty(), 11), "a new person");
        assertTrue(MemberRules.mayWrite(Optional.of(ofTen), 10), "the union's own member");
        assertFalse(MemberRules.mayWrite(Optional.of(ofTen), 11), "another union's member");
    }

    @Test
    void aTransferNeedsBothUnionsInTheStaffsSubtree() {
        Member m = member(10, "/1/2/10/");
        assertEquals(Optional.empty(), MemberRules.transferProblem(m, 11, "/1/2/11/", DataScope.subtree("/1/2/")));
        assertEquals(Optional.empty(), MemberRules.transferProblem(m, 30, "/1/3/30/", DataScope.subtree("/1/")));
        assertEquals(Optional.of("transfer_target_outside_scope"),
                MemberRules.transferProblem(m, 30, "/1/3/30/", DataScope.subtree("/1/2/")));
        assertEquals(Optional.of("member_not_found"), MemberRules.transferProblem(m, 30, "/1/3/30/", DataScope.subtree("/1/3/")));
        assertEquals(Optional.of("transfer_same_union"), MemberRules.transferProblem(m, 10, "/1/2/10/", DataScope.subtree("/1/")));
        assertEquals(Optional.of("transfer_target_outside_scope"), MemberRules.transferProblem(m, 99, null, DataScope.subtree("/1/")));
    }

    @Test
    void categoriesAreStoredBetweenCommasAndMerged() {
        Set<MemberCategory> both = EnumSet.of(MemberCategory.WORKER_REPRESENTATIVE, MemberCategory.EMPLOYEE);
        assertEquals(",EMPLOYEE,WORKER_REPRESENTATIVE,", MemberRules.categoriesColumn(both));
        assertEquals(both, MemberRules.categoriesOf(",EMPLOYEE,WORKER_REPRESENTATIVE,"));
        assertEquals(EnumSet.of(MemberCategory.EMPLOYEE), MemberRules.merged(Set.of(), Set.of()));
        assertEquals(EnumSet.of(MemberCategory.EMPLOYEE, MemberCategory.MODEL_WORKER),
                MemberRules.merged(Set.of(MemberCategory.MODEL_WORKER), Set.of(MemberCategory.EMPLOYEE)));
        MemberRules.ParsedCategories parsed = MemberRules.parseCategories("在职职工、职工代表, 劳模");
        assertEquals(EnumSet.of(MemberCategory.EMPLOYEE, MemberCategory.WORKER_REPRESENTATIVE, MemberCategory.MODEL_WORKER),
                parsed.categories());
        assertEquals("退休", MemberRules.parseCategories("在职职工/退休").unknown());
    }

    static Member member(long orgId, String path) {
        return new Member(1, ID, "王芳", null, "F", IdNumbers.birthDate(ID), orgId, path, Set.of(MemberCategory.EMPLOYEE), null,
                MembershipStatus.ACTIVE, null, null, null);
    }
}
