package org.unionportal.api.identity;

import java.util.Optional;
import org.unionportal.api.i18n.Text;

/**
 * Mainland mobile numbers: 11 digits, 1[3-9]xxxxxxxxx, as people and spreadsheets write them.
 *
 * @since 1.1
 */
public final class Phones {
    private Phones() {
    }

    /**
     * Removes spaces (also full-width), dashes and a leading +86 / 0086 / 86 country code; makes full-width
     * digits ASCII. "+86 138-0000-1234" becomes "13800001234". Null stays null; blank becomes null.
     * Text that is not a phone number comes back cleaned but otherwise as it was.
     */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (IdNumbers.isSpace(c) || c == '\u3000' || c == '-' || c == '－' || c == '—' || c == '‐') {
                continue;
            }
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '＋') {
                c = '+';
            }
            sb.append(c);
        }
        String s = sb.toString();
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        } else if (s.length() == 13 && s.startsWith("861")) {
            s = s.substring(2);
        }
        return s.isEmpty() ? null : s;
    }

    /**
     * The problem with {@code phone} after {@link #normalize(String)}; empty when it is a valid mobile number.
     * Codes: {@code phone_missing}, {@code phone_characters}, {@code phone_length}, {@code phone_prefix}.
     */
    public static Optional<IdentityProblem> check(String phone) {
        String p = normalize(phone);
        if (p == null) {
            return problem("phone_missing", "手机号为空", "Mobile phone number is missing");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                return problem("phone_characters", "手机号含有非法字符：" + phone.strip(),
                        "Mobile phone number may only contain digits, spaces, dashes and a leading +86");
            }
        }
        if (p.length() != 11) {
            return problem("phone_length", "手机号应为11位数字，实际为" + p.length() + "位",
                    "Mobile phone number must have 11 digits, has " + p.length());
        }
        if (p.charAt(0) != '1' || p.charAt(1) < '3') {
            return problem("phone_prefix", "手机号应以13至19开头", "Mobile phone number must start with 13 to 19");
        }
        return Optional.empty();
    }

    /** {@link #check(String)} as one text, Chinese with the English in brackets (for logs and older callers). */
    public static Optional<String> problem(String phone) {
        return check(phone).map(p -> p.text().zh() + " (" + p.text().en() + ")");
    }

    public static boolean isValid(String phone) {
        return check(phone).isEmpty();
    }

    private static Optional<IdentityProblem> problem(String code, String zh, String en) {
        return Optional.of(new IdentityProblem(code, Text.of(zh, en)));
    }
}
