package org.unionportal.mutualaid.internal.reminders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;

/**
 * The reminder outbox (应赔尽赔): {@link #enqueue} writes a reminder in the caller's transaction, so it
 * exists exactly when the change it reports was committed; the {@link ReminderDispatcher} sends it
 * later, outside any transaction. The static builders make the SMS texts.
 *
 * <p>Dedup keys name the event a reminder is about, so that queuing it again (a retried request, a
 * second scan) adds nothing. Conventions: {@code COVER_ENDING:enrolment:<enrolment id>},
 * {@code PAYMENT_MADE:claim:<claim id>}, {@code CLAIM_RETURNED:claim:<claim id>:<n>} with n counting
 * the claim's returns (a claim can be returned more than once), {@code DRAFT_CLAIM:<what identifies
 * the settlement record>}; {@link #dedupKey} joins the parts.
 */
public final class Reminders {
    /** A reviewer returned a claim for more documents. */
    public static final String CLAIM_RETURNED = "CLAIM_RETURNED";
    /** An active cover ends within 30 days. */
    public static final String COVER_ENDING = "COVER_ENDING";
    /** A claim was paid (put into a payout batch). */
    public static final String PAYMENT_MADE = "PAYMENT_MADE";
    /** A draft claim was made from a hospital settlement record and waits for the member. */
    public static final String DRAFT_CLAIM = "DRAFT_CLAIM";

    /** The SMS signature (短信签名). */
    public static final String SIGNATURE = "【无锡市职工互助互济会】";
    /** The name the built-in sender (used while no ReminderSender service is there) records. */
    public static final String LOG_SENDER = "log";
    /** A reminder whose sender failed this often is marked {@code FAILED}. */
    public static final int MAX_ATTEMPTS = 5;

    static final int MAX_KIND = 30;
    static final int MAX_KEY = 200;
    static final int MAX_MESSAGE = 500;
    static final int MAX_ERROR = 500;
    static final int MAX_SENDER = 100;
    private static final int MAX_REASON = 300;
    private static final String PORTAL = "请登录工会服务门户查看。";

    private Reminders() {
    }

    /**
     * Queues a reminder to member {@code memberId} (status {@code PENDING}, with the member's phone and
     * organisation path as they are now), unless one with the same {@code dedupKey} exists. A
     * duplicate, also one inserted concurrently by another transaction, never fails the caller's
     * transaction: the insert runs under a savepoint and a unique violation is rolled back to it.
     *
     * @param c        the caller's connection, inside its transaction
     * @param kind     one of the kinds above (at most 30 characters)
     * @param dedupKey what makes this reminder unique (at most 200 characters)
     * @param memberId an existing member ({@code MA_MEMBER.ID})
     * @param message  the SMS text; cut to 500 characters
     * @return true when a new reminder was queued, false when it was there already
     * @throws IllegalArgumentException for a blank or too long kind or key, a blank message or an
     *                                  unknown member (programming errors)
     */
    public static boolean enqueue(Connection c, String kind, String dedupKey, long memberId, String message)
            throws SQLException {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new IllegalArgumentException("Reminder kind must be 1 to " + MAX_KIND + " characters: " + kind);
        }
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("Reminder dedup key must be 1 to " + MAX_KEY + " characters: " + dedupKey);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("Reminder message is empty");
        }
        if (exists(c, dedupKey)) {
            return false;
        }
        return insert(c, kind, dedupKey, memberId, message);
    }

    /** The insert under a savepoint: false, with the transaction still usable, when the key is taken. */
    static boolean insert(Connection c, String kind, String dedupKey, long memberId, String message) throws SQLException {
        Optional<String[]> member = Jdbc.one(c, "SELECT PHONE, ORG_PATH FROM MA_MEMBER WHERE ID = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, memberId);
        if (member.isEmpty()) {
            throw new IllegalArgumentException("No member " + memberId + " to remind");
        }
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            Jdbc.update(c, "INSERT INTO MA_REMINDER (KIND, DEDUP_KEY, MEMBER_ID, ORG_PATH, PHONE, MESSAGE, STATUS, ATTEMPTS, "
                            + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
                    kind, dedupKey, memberId, member.get()[1], member.get()[0], cut(message.strip(), MAX_MESSAGE), Instant.now());
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            return false;
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
        return true;
    }

    /** Whether a reminder with this dedup key was queued (in any status). */
    public static boolean exists(Connection c, String dedupKey) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM MA_REMINDER WHERE DEDUP_KEY = ?", dedupKey) > 0;
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
    public static String claimReturned(String name, long claimId, String reason) {
        String what = reason == null || reason.isBlank() ? "需补充材料。" : "需补充材料：" + sentence(cut(reason.strip(), MAX_REASON));
        return greeting(name) + "您的理赔申请（编号 " + claimId + "）" + what + PORTAL;
    }

    /** "【…】陈静您好，您参加的“职工医疗互助保障”将于2025年12月31日到期，请及时联系所在工会办理续保。请登录工会服务门户查看。" */
    public static String coverEnding(String name, String planName, LocalDate coverEnd) {
        return greeting(name) + "您参加的“" + text(planName, "职工医疗互助保障") + "”将于" + date(coverEnd)
                + "到期，请及时联系所在工会办理续保。" + PORTAL;
    }

    /** "【…】陈静您好，您的理赔申请（编号 5）互助金 13743.00 元已发放，请注意查收。请登录工会服务门户查看。" */
    public static String paymentMade(String name, long claimId, long amountFen) {
        return greeting(name) + "您的理赔申请（编号 " + claimId + "）互助金 " + yuan(amountFen) + " 元已发放，请注意查收。"
                + PORTAL;
    }

    /** "【…】陈静您好，已根据您2025年6月1日在无锡市人民医院住院的结算信息生成理赔申请草稿，请登录工会服务门户确认并提交。" */
    public static String draftClaim(String name, String hospital, LocalDate admission) {
        return greeting(name) + "已根据您" + (admission == null ? "" : date(admission)) + "在" + text(hospital, "医院")
                + "住院的结算信息生成理赔申请草稿，请登录工会服务门户确认并提交。";
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

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
