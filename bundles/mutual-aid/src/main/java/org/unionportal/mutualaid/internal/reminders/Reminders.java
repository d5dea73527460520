package org.unionportal.mutualaid.internal.reminders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.notification.Recipient;

/**
 * Mutual aid's reminders (应赔尽赔): which events remind a member, their texts and de-duplication keys.
 * {@link #enqueue} queues one through the portal's {@link Notifications} outbox in the caller's transaction, so
 * it exists exactly when the change it reports was committed; the portal sends it later.
 *
 * <p>Dedup keys name the event a reminder is about, so that queuing it again (a retried request, a second
 * scan) adds nothing. Conventions: {@code COVER_ENDING:enrolment:<enrolment id>}, {@code PAYMENT_MADE:claim:<claim
 * id>}, {@code PAYMENT_FAILED:claim:<claim id>:batch:<batch id>} (a claim may fail in more than one batch), {@code CLAIM_RETURNED:claim:<claim id>:<n>} with n counting the claim's returns (a claim can be returned
 * more than once), {@code DRAFT_CLAIM:claim:<claim id>}; {@link #dedupKey} joins the parts.
 */
public final class Reminders {
    /** The module id the reminders are queued under. */
    public static final String MODULE = "mutual-aid";
    /** A reviewer returned a claim for more documents. */
    public static final String CLAIM_RETURNED = "CLAIM_RETURNED";
    /** An active cover ends within 30 days. */
    public static final String COVER_ENDING = "COVER_ENDING";
    /** A claim was paid (put into a payout batch). */
    public static final String PAYMENT_MADE = "PAYMENT_MADE";
    /** The bank returned a claim's transfer: the member should check the account. */
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    /** A draft claim was made from a hospital settlement record and waits for the member. */
    public static final String DRAFT_CLAIM = "DRAFT_CLAIM";

    /** The SMS signature (短信签名). */
    public static final String SIGNATURE = "【无锡市职工互助互济会】";
    private static final String SIGNATURE_EN = "[Wuxi Workers' Mutual Aid] ";
    private static final int MAX_REASON = 300;
    private static final String PORTAL = "请登录工会服务门户查看。";
    private static final String PORTAL_EN = " Please sign in to the union portal for details.";

    private Reminders() {
    }

    /**
     * Queues a reminder to member {@code memberId} (with the member's phone and organisation path as they are
     * now) through the portal's outbox, unless one with the same {@code dedupKey} was queued before. A duplicate
     * never fails the caller's transaction.
     *
     * @param c        the caller's connection, inside its transaction
     * @param kind     one of the kinds above
     * @param dedupKey what makes this reminder unique (at most 200 characters)
     * @param memberId an existing member ({@code MA_MEMBER.ID})
     * @param message  the SMS text in both languages (sent in Chinese)
     * @return true when a new reminder was queued, false when it was there already
     * @throws IllegalArgumentException for a bad kind or key or an unknown member (programming errors)
     */
    public static boolean enqueue(Connection c, Notifications notifications, String kind, String dedupKey, long memberId,
                                  Text message) throws SQLException {
        Optional<String[]> member = Jdbc.one(c, "SELECT PHONE, ORG_PATH FROM MA_MEMBER WHERE ID = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, memberId);
        if (member.isEmpty()) {
            throw new IllegalArgumentException("No member " + memberId + " to remind");
        }
        return notifications.queue(c, Notification.of(MODULE, kind, dedupKey, Recipient.member(memberId, member.get()[0]),
                member.get()[1], message));
    }

    /** The parts joined with {@code ':'}, e.g. {@code dedupKey(PAYMENT_MADE, "claim", 5)} is {@code "PAYMENT_MADE:claim:5"}. */
    public static String dedupKey(String kind, Object... parts) {
        StringBuilder key = new StringBuilder(kind);
        for (Object part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }

    /** "【…】陈静您好，您的理赔申请（编号 5）需补充材料：发票原件。请登录工会服务门户查看。" */
    public static Text claimReturned(String name, long claimId, String reason) {
        boolean none = reason == null || reason.isBlank();
        String why = none ? "" : sentence(cut(reason.strip(), MAX_REASON));
        String what = none ? "需补充材料。" : "需补充材料：" + why;
        return Text.of(greeting(name) + "您的理赔申请（编号 " + claimId + "）" + what + PORTAL,
                greetingEn(name) + "your claim " + claimId + " needs more documents" + (none ? "." : ": " + why) + PORTAL_EN);
    }

    /** "【…】陈静您好，您参加的“职工医疗互助保障”将于2025年12月31日到期，请及时联系所在工会办理续保。请登录工会服务门户查看。" */
    public static Text coverEnding(String name, String planName, LocalDate coverEnd) {
        return Text.of(greeting(name) + "您参加的“" + text(planName, "职工医疗互助保障") + "”将于" + date(coverEnd)
                + "到期，请及时联系所在工会办理续保。" + PORTAL,
                greetingEn(name) + "your cover \"" + text(planName, "mutual aid") + "\" ends on " + coverEnd
                + "; please ask your union to renew it." + PORTAL_EN);
    }

    /** "【…】陈静您好，您的理赔申请（编号 5）互助金 13743.00 元已发放，请注意查收。请登录工会服务门户查看。" */
    public static Text paymentMade(String name, long claimId, long amountFen) {
        return Text.of(greeting(name) + "您的理赔申请（编号 " + claimId + "）互助金 " + yuan(amountFen) + " 元已发放，请注意查收。"
                + PORTAL, greetingEn(name) + "the benefit of " + yuan(amountFen) + " yuan for your claim " + claimId
                + " has been paid." + PORTAL_EN);
    }

    /** "【…】陈静您好，您的理赔申请（编号 5）互助金 13743.00 元转账未成功（银行原因：账户已销户），请核对收款银行账户并联系所在工会。" */
    public static Text paymentFailed(String name, long claimId, long amountFen, String reason) {
        String why = reason == null || reason.isBlank() ? "" : cut(reason.strip(), MAX_REASON);
        return Text.of(greeting(name) + "您的理赔申请（编号 " + claimId + "）互助金 " + yuan(amountFen) + " 元转账未成功"
                + (why.isEmpty() ? "" : "（银行原因：" + why + "）") + "，请核对收款银行账户并联系所在工会。" + PORTAL,
                greetingEn(name) + "the transfer of " + yuan(amountFen) + " yuan for your claim " + claimId + " failed"
                + (why.isEmpty() ? "" : " (the bank says: " + why + ")") + "; please check your bank account and contact your union."
                + PORTAL_EN);
    }

    /** "【…】陈静您好，已根据您2025年6月1日在无锡市人民医院住院的结算信息生成理赔申请草稿，请登录工会服务门户确认并提交。" */
    public static Text draftClaim(String name, String hospital, LocalDate admission) {
        return Text.of(greeting(name) + "已根据您" + (admission == null ? "" : date(admission)) + "在" + text(hospital, "医院")
                + "住院的结算信息生成理赔申请草稿，请登录工会服务门户确认并提交。",
                greetingEn(name) + "a draft claim was made from your hospital stay" + (admission == null ? "" : " of " + admission)
                + " at " + text(hospital, "hospital") + "; please sign in to the union portal to check and submit it.");
    }

    /** Fen as yuan with two decimals: 1374300 is "13743.00". */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** 2025年12月31日 */
    static String date(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String greeting(String name) {
        return SIGNATURE + (name == null ? "" : name.strip()) + "您好，";
    }

    private static String greetingEn(String name) {
        return SIGNATURE_EN + "Dear " + (name == null || name.isBlank() ? "member" : name.strip()) + ", ";
    }

    private static String text(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /** Ends the text with one full stop, whatever punctuation it had. */
    private static String sentence(String text) {
        String t = text;
        while (!t.isEmpty() && "。．.，,；;！!".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "。";
    }

    /** At most {@code max} chars, never splitting a surrogate pair; "…" marks a cut. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
