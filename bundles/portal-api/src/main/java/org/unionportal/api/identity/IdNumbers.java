package org.unionportal.api.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.unionportal.api.i18n.Text;

/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd for men), check character (ISO 7064 MOD 11-2).
 */
public final class IdNumbers {
    /** The portal's clock zone: dates such as "not in the future" are meant in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** What Excel leaves of an 18-digit number shown in a CSV or kept as a number: 3.20202E+17. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+");

    /** The problem of an ID number that a spreadsheet stored as a number (its last digits are lost). */
    public static final String ID_AS_NUMBER = "身份证号被 Excel 存成了数字，后几位已丢失；请把该列设置为文本格式后重新填写 "
            + "(ID number was stored as a number by Excel; format the column as text)";

    /** {@link #ID_AS_NUMBER} in each language. @since 1.1 */
    public static final Text ID_AS_NUMBER_TEXT = Text.of("身份证号被 Excel 存成了数字，后几位已丢失；请把该列设置为文本格式后重新填写",
            "ID number was stored as a number by Excel; format the column as text");

    private IdNumbers() {
    }

    /** The first problem of {@code id}, judged against today's date in China; empty when it is valid. */
    public static Optional<String> problem(String id) {
        return problem(id, LocalDate.now(ZONE));
    }

    /**
     * The first problem of {@code id}, with birth dates after {@code today} refused; empty when valid. Chinese
     * with the English in brackets; {@link #check(String, LocalDate)} gives a code and each language apart.
     */
    public static Optional<String> problem(String id, LocalDate today) {
        return check(id, today).map(p -> p.text().zh() + " (" + p.text().en() + ")");
    }

    /**
     * The first problem of {@code id}, judged against today's date in China; empty when it is valid. Codes:
     * {@code id_missing}, {@code id_as_number}, {@code id_old_15_digits}, {@code id_length},
     * {@code id_characters}, {@code id_birth_date}, {@code id_birth_date_future}, {@code id_check_digit}.
     *
     * @since 1.1
     */
    public static Optional<IdentityProblem> check(String id) {
        return check(id, LocalDate.now(ZONE));
    }

    /** The first problem of {@code id}, with birth dates after {@code today} refused; empty when valid. @since 1.1 */
    public static Optional<IdentityProblem> check(String id, LocalDate today) {
        if (id == null || id.isBlank()) {
            return problem("id_missing", "身份证号为空", "ID number is missing");
        }
        if ((id.indexOf('E') >= 0 || id.indexOf('e') >= 0) && SCIENTIFIC.matcher(id).matches()) {
            return problem("id_as_number", ID_AS_NUMBER_TEXT.zh(), ID_AS_NUMBER_TEXT.en());
        }
        if (id.length() == 15 && allDigits(id, 15)) {
            return problem("id_old_15_digits", "15位旧身份证号已停用，请填写18位身份证号",
                    "15-digit ID numbers are no longer valid; enter the 18-character number");
        }
        if (id.length() != 18) {
            return problem("id_length", "身份证号应为18位，实际为" + id.length() + "位",
                    "ID number must have 18 characters, has " + id.length());
        }
        char last = id.charAt(17);
        if (!allDigits(id, 17) || !(isDigit(last) || last == 'X' || last == 'x')) {
            return problem("id_characters", "身份证号含有非法字符，只能是数字，最后一位可以是X",
                    "ID number has invalid characters: digits only, the last may be X");
        }
        LocalDate birth = birthDateOrNull(id);
        if (birth == null) {
            return problem("id_birth_date", "身份证号中的出生日期不存在：" + id.substring(6, 14),
                    "Birth date in the ID number is not a real date");
        }
        if (birth.isBefore(EARLIEST)) {
            return problem("id_birth_date", "身份证号中的出生日期早于1900年", "Birth date in the ID number is before 1900");
        }
        if (today != null && birth.isAfter(today)) {
            return problem("id_birth_date_future", "身份证号中的出生日期在未来", "Birth date in the ID number is in the future");
        }
        if (Character.toUpperCase(last) != checkDigit(id.substring(0, 17))) {
            return problem("id_check_digit", "身份证号校验位错误", "ID number check digit is wrong");
        }
        return Optional.empty();
    }

    private static Optional<IdentityProblem> problem(String code, String zh, String en) {
        return Optional.of(new IdentityProblem(code, Text.of(zh, en)));
    }

    /** True when {@link #problem(String)} finds nothing. */
    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * Cleans what a person or a spreadsheet typed: whitespace (also full-width and no-break spaces) removed,
     * full-width digits and Ｘ made ASCII, x upper-cased. Null stays null; blank becomes null.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == 'x' || c == 'Ｘ' || c == 'ｘ') {
                c = 'X';
            }
            sb.append(c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The check character for the first 17 digits. */
    public static char checkDigit(String first17) {
        if (first17 == null || first17.length() != 17 || !allDigits(first17, 17)) {
            throw new IllegalArgumentException("need exactly 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** The 18-character ID number: {@code first17} followed by its check character (for tests and demo data). */
    public static String withCheckDigit(String first17) {
        return first17 + checkDigit(first17);
    }

    /**
     * Builds a valid ID number from an area code, a birth date and a 3-digit sequence (odd for men, even for
     * women): {@code of("320211", LocalDate.of(1990, 1, 1), 123)}.
     */
    public static String of(String area6, LocalDate birth, int sequence) {
        if (area6 == null || area6.length() != 6 || !allDigits(area6, 6) || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("area must be 6 digits and sequence 0..999");
        }
        return withCheckDigit(String.format("%s%04d%02d%02d%03d", area6, birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence));
    }

    /** Birth date of a valid ID number. */
    public static LocalDate birthDate(String id) {
        LocalDate d = id != null && id.length() == 18 && allDigits(id, 17) ? birthDateOrNull(id) : null;
        if (d == null) {
            throw new IllegalArgumentException("not a valid ID number: " + mask(id));
        }
        return d;
    }

    /** "M" when the 17th digit is odd, else "F". */
    public static String gender(String id) {
        if (id == null || id.length() != 18 || !isDigit(id.charAt(16))) {
            throw new IllegalArgumentException("not a valid ID number: " + mask(id));
        }
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /** First 4 and last 4 characters, the rest as stars: 3202**********123X. Short or null input is all stars. */
    public static String mask(String id) {
        if (id == null) {
            return "";
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private static LocalDate birthDateOrNull(String id) {
        int y = Integer.parseInt(id, 6, 10, 10);
        int m = Integer.parseInt(id, 10, 12, 10);
        int d = Integer.parseInt(id, 12, 14, 10);
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whitespace as spreadsheets produce it: also no-break, full-width and zero-width spaces and a stray BOM. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
                || c == '\uFEFF';
    }
}
