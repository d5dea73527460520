package org.unionportal.hardshipaid.internal.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;

/**
 * The text message to a household whose bank transfer the bank returned: which aid of which period, how much, the
 * bank's reason as the bank wrote it, and what to do. It never names the account: a long run of digits in the bank's
 * reason (an account number the bank repeated) is left out.
 */
public final class TransferFailedText {
    /** The SMS signature (短信签名) of the union that runs hardship aid. */
    public static final String SIGNATURE = "【无锡市总工会】";
    private static final String SIGNATURE_EN = "[Wuxi Federation of Trade Unions] ";
    /** The longest reason quoted: a text message stays short. */
    static final int MAX_REASON = 60;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    /** Eight digits or more: an account or card number, never a reason's words. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\s*\\d[\\d\\s-]{6,}\\d\\s*");

    /** One returned line of the household: the item, the period it pays, the amount and the bank's reason. */
    public record Returned(Item item, String period, long amountFen, String reason) {
    }

    private TransferFailedText() {
    }

    /**
     * "【无锡市总工会】张伟您好，您家2026年第3季度生活补贴 1500.00 元银行转账未成功，银行退回原因：账户已销户。请联系所在工会核对收款账户，
     * 核对后将重新发放。"
     */
    public static Text of(String headName, List<Returned> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("No returned line to tell about");
        }
        Set<String> itemsZh = new LinkedHashSet<>();
        Set<String> itemsEn = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        long fen = 0;
        for (Returned l : lines) {
            itemsZh.add(periodZh(l.period()) + l.item().zh());
            itemsEn.add(l.item().en() + " " + periodEn(l.period()));
            String reason = plain(l.reason());
            if (!reason.isEmpty()) {
                reasons.add(reason);
            }
            fen = Math.addExact(fen, l.amountFen());
        }
        String why = cut(String.join("；", reasons));
        String name = headName == null ? "" : headName.strip();
        String yuan = Money.yuan(fen);
        return Text.of(SIGNATURE + name + "您好，您家" + String.join("、", itemsZh) + " " + yuan + " 元银行转账未成功"
                        + (why.isEmpty() ? "" : "，银行退回原因：" + why) + "。请联系所在工会核对收款账户，核对后将重新发放。",
                SIGNATURE_EN + "Dear " + (name.isEmpty() ? "householder" : name) + ", the bank transfer of " + yuan + " yuan to your household ("
                        + String.join(", ", itemsEn) + ") failed" + (why.isEmpty() ? "" : "; the bank's reason: " + why)
                        + ". Please ask your union to check the account; the aid will then be paid again.");
    }

    /** "2026Q3" is 2026年第3季度, "2026" is 2026年. */
    static String periodZh(String period) {
        Matcher m = QUARTER.matcher(period == null ? "" : period);
        return m.matches() ? m.group(1) + "年第" + m.group(2) + "季度" : (period == null ? "" : period + "年");
    }

    static String periodEn(String period) {
        Matcher m = QUARTER.matcher(period == null ? "" : period);
        return m.matches() ? m.group(1) + " Q" + m.group(2) : (period == null ? "" : period);
    }

    /** The bank's reason on one line, without numbers that may be an account and without a closing stop. */
    static String plain(String reason) {
        if (reason == null) {
            return "";
        }
        String t = LONG_NUMBER.matcher(reason).replaceAll("").replaceAll("\\s+", " ").strip();
        while (!t.isEmpty() && "。．.，,；;：:！!（(".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** At most {@link #MAX_REASON} characters (code points: a pair is never split); "…" marks a cut. */
    static String cut(String text) {
        return text.codePointCount(0, text.length()) <= MAX_REASON ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_REASON - 1)) + "…";
    }
}
