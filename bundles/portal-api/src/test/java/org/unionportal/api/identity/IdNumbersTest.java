package org.unionportal.api.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdNumbersTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void knownPublishedExampleIsValid() {
        // The worked example of GB 11643-1999 (Beijing, 1949-12-31, female): check character X.
        assertEquals('X', IdNumbers.checkDigit("11010519491231002"));
        assertEquals(Optional.empty(), IdNumbers.problem("11010519491231002X", TODAY));
        assertEquals(Optional.empty(), IdNumbers.problem("11010519491231002x", TODAY), "lower-case x is accepted");
        assertEquals(LocalDate.of(1949, 12, 31), IdNumbers.birthDate("11010519491231002X"));
        assertEquals("F", IdNumbers.gender("11010519491231002X"));
    }

    @Test
    void checkDigitByHand() {
        // 32021119900307001?: sum of digit*weight = 3*7+2*9+0*10+2*5+1*8+1*4+1*2+9*1+9*6+0*3+0*7+3*9+0*10+7*5+0*8+0*4+1*2
        int sum = 21 + 18 + 0 + 10 + 8 + 4 + 2 + 9 + 54 + 0 + 0 + 27 + 0 + 35 + 0 + 0 + 2;
        char expected = "10X98765432".charAt(sum % 11);
        assertEquals(expected, IdNumbers.checkDigit("32021119900307001"));
        String id = IdNumbers.withCheckDigit("32021119900307001");
        assertEquals(18, id.length());
        assertTrue(IdNumbers.problem(id, TODAY).isEmpty());
        assertEquals("M", IdNumbers.gender(id), "17th digit 1 is odd: male");
        assertEquals(LocalDate.of(1990, 3, 7), IdNumbers.birthDate(id));
    }

    @Test
    void builtNumbersAreValidAndCarryGender() {
        String man = IdNumbers.of("320211", LocalDate.of(1985, 2, 28), 123);
        String woman = IdNumbers.of("320211", LocalDate.of(1985, 2, 28), 124);
        assertTrue(IdNumbers.problem(man, TODAY).isEmpty());
        assertTrue(IdNumbers.problem(woman, TODAY).isEmpty());
        assertEquals("M", IdNumbers.gender(man));
        assertEquals("F", IdNumbers.gender(woman));
    }

    @Test
    void wrongCheckDigit() {
        String id = IdNumbers.withCheckDigit("32021119900307001");
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        String bad = id.substring(0, 17) + wrong;
        assertEquals(Optional.of("身份证号校验位错误 (ID number check digit is wrong)"), IdNumbers.problem(bad, TODAY));
    }

    @Test
    void february30IsNotADate() {
        String id = IdNumbers.withCheckDigit("32021119900230001");
        assertTrue(IdNumbers.problem(id, TODAY).orElseThrow().contains("出生日期不存在"));
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.birthDate(id));
        // 29 February only in leap years
        assertTrue(IdNumbers.problem(IdNumbers.withCheckDigit("32021120000229001"), TODAY).isEmpty());
        assertTrue(IdNumbers.problem(IdNumbers.withCheckDigit("32021119000229001"), TODAY).isPresent(),
                "1900 was not a leap year");
        assertTrue(IdNumbers.problem(IdNumbers.withCheckDigit("32021119901301001"), TODAY).isPresent(), "month 13");
    }

    @Test
    void futureAndTooOldBirthDates() {
        String future = IdNumbers.of("320211", TODAY.plusDays(1), 1);
        assertTrue(IdNumbers.problem(future, TODAY).orElseThrow().contains("未来"));
        assertTrue(IdNumbers.problem(IdNumbers.of("320211", TODAY, 1), TODAY).isEmpty(), "born today is not future");
        assertTrue(IdNumbers.problem(IdNumbers.withCheckDigit("32021118991231001"), TODAY).orElseThrow()
                .contains("1900"));
    }

    @Test
    void lengthCharactersAndBlank() {
        assertTrue(IdNumbers.problem(null, TODAY).orElseThrow().contains("为空"));
        assertTrue(IdNumbers.problem("  ", TODAY).orElseThrow().contains("为空"));
        assertTrue(IdNumbers.problem("3202111990030700", TODAY).orElseThrow().contains("18位"));
        assertTrue(IdNumbers.problem("320211900307001", TODAY).orElseThrow().contains("15位"));
        assertTrue(IdNumbers.problem("32021119900307A011", TODAY).orElseThrow().contains("非法字符"));
        assertTrue(IdNumbers.problem("3202111990030700X1", TODAY).orElseThrow().contains("非法字符"));
        assertEquals(Optional.of(IdNumbers.ID_AS_NUMBER), IdNumbers.problem("3.20202E+17", TODAY));
        assertEquals(Optional.of(IdNumbers.ID_AS_NUMBER), IdNumbers.problem("3.2020219900101E17", TODAY));
    }

    @Test
    void normalizeAndMask() {
        assertEquals("11010519491231002X", IdNumbers.normalize(" 110105 19491231 002x "));
        assertEquals("11010519491231002X", IdNumbers.normalize("１１０１０５１９４９１２３１００２Ｘ"));
        assertEquals(null, IdNumbers.normalize("   "));
        assertEquals("1101**********002X", IdNumbers.mask("11010519491231002X"));
        assertEquals("***", IdNumbers.mask("123"));
        assertEquals("", IdNumbers.mask(null));
        assertFalse(IdNumbers.isValid("11010519491231002Y"));
    }

    @Test
    void withCheckDigitRefusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.withCheckDigit("1234"));
        assertThrows(IllegalArgumentException.class, () -> IdNumbers.withCheckDigit("1101051949123100X"));
    }
}
