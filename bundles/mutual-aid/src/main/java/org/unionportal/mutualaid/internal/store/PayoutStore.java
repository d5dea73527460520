package org.unionportal.mutualaid.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.PayoutStatus;

/** Payout batches (one bank transfer file each), their lines (one claim each) and the approved claims they pay. */
public final class PayoutStore {
    private static final String BATCH = "SELECT ID, ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT, STATUS, APPROVED_BY, "
            + "APPROVED_AT, CLOSED_BY, CLOSED_AT, PAID_ON FROM MA_PAYOUT_BATCH ";

    /** Line statuses: waiting for the bank, paid, failed (back to approved), or gone with a discarded batch. */
    public static final String PENDING = "PENDING";
    public static final String PAID = "PAID";
    public static final String FAILED = "FAILED";
    public static final String DISCARDED = "DISCARDED";

    private PayoutStore() {
    }

    public record PayoutBatch(long id, String orgPath, int claimCount, long totalFen, String createdBy, Instant createdAt,
                              PayoutStatus status, String approvedBy, Instant approvedAt, String closedBy, Instant closedAt,
                              LocalDate paidOn) {
    }

    /** An approved claim waiting for payment, with its member and where the money goes. */
    /** An approved claim a batch can pay, with its plan's names (the page shows the one of its language). */
    /** A claim's plan (claim C → its enrolment → the plan P), for the plan's names. */
    private static final String PLAN_OF_CLAIM = "JOIN MA_ENROLMENT E ON E.ID = C.ENROLMENT_ID JOIN MA_PLAN P ON P.ID = E.PLAN_ID ";

    public record Payable(long claimId, long approvedFen, long memberId, String memberName, String idNumber, String orgPath,
                          String payeeBank, String payeeAccount, String planNameZh, String planNameEn) {
        public boolean hasAccount() {
            return payeeBank != null && payeeAccount != null;
        }
    }

    /** A line of a batch: the claim, whom and where it pays (full account: mask it before it is shown), and its outcome. */
    public record Line(long id, long claimId, long memberId, String name, String idNumber, String payeeBank, String payeeAccount,
                       long amountFen, String status, String failureReason, String planNameZh, String planNameEn) {
    }

    /** Every batch of the whole tree: how many, with how many claims, for how much (fen), the last one when (or null). */
    public record Totals(long batches, long claims, long totalFen, Instant lastCreatedAt) {
    }

    /** For the console: the totals of the whole tree (discarded batches left out). */
    public static Totals totals(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(CLAIM_COUNT), 0), COALESCE(SUM(TOTAL_FEN), 0), MAX(CREATED_AT) "
                + "FROM MA_PAYOUT_BATCH WHERE STATUS <> ?", rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), PayoutStatus.DISCARDED.name()).orElseThrow();
    }

    public static List<PayoutBatch> batches(Connection c, DataScope scope) throws SQLException {
        Where where = scope.where("ORG_PATH");
        return Jdbc.list(c, BATCH + where.sql() + " ORDER BY ID DESC", PayoutStore::map, where.params());
    }

    public static Optional<PayoutBatch> batch(Connection c, long id, DataScope scope) throws SQLException {
        Where where = scope.where("ORG_PATH").and("ID = ?", id);
        return Jdbc.one(c, BATCH + where.sql(), PayoutStore::map, where.params());
    }

    /** Takes the batch's row lock, so that two steps on one batch queue (whoever sees it). */
    public static void lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE MA_PAYOUT_BATCH SET STATUS = STATUS WHERE ID = ?", id);
    }

    /** Approved claims of a subtree not yet in a batch, oldest first. */
    public static List<Payable> payable(Connection c, DataScope scope) throws SQLException {
        Where where = scope.where("C.ORG_PATH").and("C.STATUS = ?", ClaimStatus.APPROVED.code()).and("C.PAYOUT_BATCH_ID IS NULL");
        return Jdbc.list(c, "SELECT C.ID, C.APPROVED_FEN, C.MEMBER_ID, M.NAME, M.ID_NUMBER, C.ORG_PATH, C.PAYEE_BANK, C.PAYEE_ACCOUNT, "
                        + "P.NAME_ZH, P.NAME_EN FROM MA_CLAIM C JOIN MA_MEMBER M ON M.ID = C.MEMBER_ID " + PLAN_OF_CLAIM + where.sql()
                        + " ORDER BY C.ID",
                rs -> new Payable(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), where.params());
    }

    public static long insertBatch(Connection c, String orgPath, int claimCount, long totalFen, String user, Instant at)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO MA_PAYOUT_BATCH (ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT, STATUS) "
                + "VALUES (?, ?, ?, ?, ?, ?)", orgPath, claimCount, totalFen, user, at, PayoutStatus.DRAFT.name());
    }

    /**
     * Moves an approved claim into a batch (IN_PAYMENT) with a pending line holding its account as it is now; false when
     * the claim is no longer approved and free.
     */
    public static boolean addLine(Connection c, long batchId, Payable claim) throws SQLException {
        return addLines(c, batchId, List.of(claim)).isEmpty();
    }

    /** Claims per executeBatch of a payout batch's generation. */
    private static final int CHUNK = 500;

    /**
     * {@link #addLine} for every claim of a new batch, as JDBC batches (multi-row inserts on PostgreSQL with
     * reWriteBatchedInserts): first every claim moved, then every line written. Answers the claims that were no longer
     * approved and free (no line is written then; the caller rolls back).
     */
    public static List<Long> addLines(Connection c, long batchId, List<Payable> claims) throws SQLException {
        List<Long> notFree = new java.util.ArrayList<>();
        try (PreparedStatement move = c.prepareStatement("UPDATE MA_CLAIM SET STATUS = ?, PAYOUT_BATCH_ID = ?, PAYMENT_FAILURE = NULL "
                + "WHERE ID = ? AND STATUS = ? AND PAYOUT_BATCH_ID IS NULL")) {
            for (int from = 0; from < claims.size(); from += CHUNK) {
                List<Payable> part = claims.subList(from, Math.min(claims.size(), from + CHUNK));
                for (Payable p : part) {
                    Jdbc.bind(move, ClaimStatus.IN_PAYMENT.name(), batchId, p.claimId(), ClaimStatus.APPROVED.name());
                    move.addBatch();
                }
                int[] moved = move.executeBatch();
                for (int i = 0; i < part.size(); i++) {
                    if (moved[i] != 1) {
                        notFree.add(part.get(i).claimId());
                    }
                }
            }
        }
        if (!notFree.isEmpty()) {
            return notFree;
        }
        try (PreparedStatement line = c.prepareStatement("INSERT INTO MA_PAYOUT_LINE (BATCH_ID, CLAIM_ID, PAYEE_NAME, PAYEE_BANK, "
                + "PAYEE_ACCOUNT, AMOUNT_FEN, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Payable p : claims) {
                Jdbc.bind(line, batchId, p.claimId(), p.memberName(), p.payeeBank(), p.payeeAccount(), p.approvedFen(), PENDING);
                line.addBatch();
                if (++pending == CHUNK) {
                    line.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                line.executeBatch();
            }
        }
        return notFree;
    }

    /** A batch's lines in file order, with each member's ID number (for the bank) and full account. */
    public static List<Line> lines(Connection c, long batchId) throws SQLException {
        return Jdbc.list(c, "SELECT L.ID, L.CLAIM_ID, C.MEMBER_ID, L.PAYEE_NAME, M.ID_NUMBER, L.PAYEE_BANK, L.PAYEE_ACCOUNT, "
                        + "L.AMOUNT_FEN, L.STATUS, L.FAILURE_REASON, P.NAME_ZH, P.NAME_EN FROM MA_PAYOUT_LINE L JOIN MA_CLAIM C ON C.ID = L.CLAIM_ID "
                        + "JOIN MA_MEMBER M ON M.ID = C.MEMBER_ID " + PLAN_OF_CLAIM + "WHERE L.BATCH_ID = ? ORDER BY L.ID",
                rs -> new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)), batchId);
    }

    public static void approve(Connection c, long id, String user, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE MA_PAYOUT_BATCH SET STATUS = ?, APPROVED_BY = ?, APPROVED_AT = ? WHERE ID = ?",
                PayoutStatus.APPROVED.name(), user, at, id);
    }

    /** Discards a draft: its claims are approved and free again, its lines marked. */
    public static void discard(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, PAYOUT_BATCH_ID = NULL WHERE PAYOUT_BATCH_ID = ? AND STATUS = ?",
                ClaimStatus.APPROVED.name(), id, ClaimStatus.IN_PAYMENT.name());
        Jdbc.update(c, "UPDATE MA_PAYOUT_LINE SET STATUS = ? WHERE BATCH_ID = ?", DISCARDED, id);
        Jdbc.update(c, "UPDATE MA_PAYOUT_BATCH SET STATUS = ? WHERE ID = ?", PayoutStatus.DISCARDED.name(), id);
    }

    /** The bank paid this line: the claim is paid on that day. False when the claim is not in payment in this batch. */
    public static boolean paid(Connection c, long batchId, long claimId, LocalDate paidOn) throws SQLException {
        if (Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, PAID_ON = ?, PAYMENT_FAILURE = NULL WHERE ID = ? AND PAYOUT_BATCH_ID = ? "
                + "AND STATUS = ?", ClaimStatus.PAID.name(), paidOn, claimId, batchId, ClaimStatus.IN_PAYMENT.name()) != 1) {
            return false;
        }
        Jdbc.update(c, "UPDATE MA_PAYOUT_LINE SET STATUS = ? WHERE BATCH_ID = ? AND CLAIM_ID = ?", PAID, batchId, claimId);
        return true;
    }

    /** The bank refused this line: the claim is approved and free again, with the bank's reason. */
    public static boolean failed(Connection c, long batchId, long claimId, String reason) throws SQLException {
        if (Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, PAYOUT_BATCH_ID = NULL, PAYMENT_FAILURE = ? WHERE ID = ? "
                + "AND PAYOUT_BATCH_ID = ? AND STATUS = ?", ClaimStatus.APPROVED.name(), reason, claimId, batchId,
                ClaimStatus.IN_PAYMENT.name()) != 1) {
            return false;
        }
        Jdbc.update(c, "UPDATE MA_PAYOUT_LINE SET STATUS = ?, FAILURE_REASON = ? WHERE BATCH_ID = ? AND CLAIM_ID = ?",
                FAILED, reason, batchId, claimId);
        return true;
    }

    public static void close(Connection c, long id, String user, Instant at, LocalDate paidOn) throws SQLException {
        Jdbc.update(c, "UPDATE MA_PAYOUT_BATCH SET STATUS = ?, CLOSED_BY = ?, CLOSED_AT = ?, PAID_ON = ? WHERE ID = ?",
                PayoutStatus.CLOSED.name(), user, at, paidOn, id);
    }

    static PayoutBatch map(ResultSet rs) throws SQLException {
        return new PayoutBatch(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), Labels.of(PayoutStatus.class, rs.getString(7)), rs.getString(8),
                instant(rs, 9), rs.getString(10), instant(rs, 11), Jdbc.date(rs, "PAID_ON"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
