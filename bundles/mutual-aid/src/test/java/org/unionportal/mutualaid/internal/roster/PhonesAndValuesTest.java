package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.Phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhonesAndValuesTest {
    @Test
    void phoneNormalize() {
        assertEquals("13800001234", Phones.normalize("13800001234"));
        assertEquals("13800001234", Phones.normalize("+86 138-0000-1234"));
        assertEquals("13800001234", Phones.normalize("+86-13800001234"));
        assertEquals("13800001234", Phones.normalize("0086 138 0000 1234"));
        assertEquals("13800001234", Phones.normalize("8613800001234"));
        assertEquals("13800001234", Phones.normalize("１３８００００１２３４"));
        assertEquals(null, Phones.normalize(" "));
        assertEquals(null, Phones.normalize(null));
    }

    @Test
    void phoneProblems() {
        assertEquals(Optional.empty(), Phones.problem("+86 139 1234 5678"));
        assertEquals(Optional.empty(), Phones.problem("19912345678"));
        assertTrue(Phones.problem("12812345678").orElseThrow().contains("13至19"));
        assertTrue(Phones.problem("1381234567").orElseThrow().contains("11位"));
        assertTrue(Phones.problem("0510-82712345").orElseThrow().contains("11位"), "a landline is not a mobile");
        assertTrue(Phones.problem("138l2345678").orElseThrow().contains("非法字符"));
        assertTrue(Phones.problem("").orElseThrow().contains("为空"));
    }

    @Test
    void booleansInAllForms() {
        for (String yes : new String[] {"是", "yes", "YES", "Yes", "y", "Y", "1", "true", "TRUE", " True "}) {
            assertEquals(Optional.of(true), RosterValues.yesNo(yes), yes);
        }
        for (String no : new String[] {"否", "no", "NO", "n", "N", "0", "false", "FALSE", " 否 "}) {
            assertEquals(Optional.of(false), RosterValues.yesNo(no), no);
        }
        for (String bad : new String[] {"", "maybe", "2", "是否", "有"}) {
            assertEquals(Optional.empty(), RosterValues.yesNo(bad), bad);
        }
        assertEquals(Optional.empty(), RosterValues.yesNo(null));
    }

    @Test
    void genderAndCategory() {
        assertEquals(Optional.of("M"), RosterValues.gender("男"));
        assertEquals(Optional.of("F"), RosterValues.gender(" 女 "));
        assertEquals(Optional.of("M"), RosterValues.gender("m"));
        assertEquals(Optional.of("F"), RosterValues.gender("Female"));
        assertEquals(Optional.empty(), RosterValues.gender("X"));
        assertEquals(Optional.of("EMPLOYEE"), RosterValues.category("在职职工"));
        assertEquals(Optional.of("DISPATCHED"), RosterValues.category("劳务派遣工"));
        assertEquals(Optional.of("GIG_WORKER"), RosterValues.category("新就业形态劳动者"));
        assertEquals(Optional.of("GIG_WORKER"), RosterValues.category("gig worker"));
        assertEquals(Optional.of("MODEL_WORKER"), RosterValues.category("劳模"));
        assertEquals(Optional.of("MODEL_WORKER"), RosterValues.category("model_worker"));
        assertEquals(Optional.empty(), RosterValues.category("退休职工"));
        assertEquals("新就业形态劳动者", RosterValues.categoryLabel("GIG_WORKER"));
    }

    @Test
    void headerNames() {
        assertEquals("idNumber", RosterColumns.keyOf(" 身份证号 "));
        assertEquals("idNumber", RosterColumns.keyOf("ID Number"));
        assertEquals("idNumber", RosterColumns.keyOf("id_number"));
        assertEquals("idNumber", RosterColumns.keyOf("身份证号(ID number)"));
        assertEquals("idNumber", RosterColumns.keyOf("*身份证号码"));
        assertEquals("basicInsurance", RosterColumns.keyOf("Basic medical insurance"));
        assertEquals("unionMember", RosterColumns.keyOf("工会会员 Union member"));
        assertEquals(null, RosterColumns.keyOf("会员ID"), "pieces naming different columns name none");
        assertEquals(null, RosterColumns.keyOf("备注"));
    }
}
