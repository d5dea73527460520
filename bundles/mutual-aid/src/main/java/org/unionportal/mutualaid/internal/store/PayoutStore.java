package org.unionportal.mutualaid.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;

/** Payout batches (one bank transfer each) and the approved claims they pay. */
public final class PayoutStore {
    private static final String BATCH = "SELECT ID, ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT FROM MA_PAYOUT_BATCH ";

    private PayoutStore() {
    }

    public record PayoutBatch(long id, String orgPath, int claimCount, long totalFen, String createdBy, Instant createdAt) {
    }

    /** An approved claim waiting for payment, with its member's name for the reminder. */
    public record Payable(long claimId, long approvedFen, long memberId, String memberName, String orgPath) {
    }

    /** A line of the bank's transfer file: the full ID number, since the bank needs it. */
    public record BankLine(long claimId, String name, String idNumber, long fen) {
    }

    /** Every batch of the whole tree: how many, with how many claims, for how much (fen), the last one when (or null). */
    public record Totals(long batches, long claims, long totalFen, Instant lastCreatedAt) {
    }

    /** For the console: the totals of the whole tree. */
    public static Totals totals(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(CLAIM_COUNT), 0), COALESCE(SUM(TOTAL_FEN), 0), MAX(CREATED_AT) "
                + "FROM MA_PAYOUT_BATCH", rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).orElseThrow();
    }

    public static List<PayoutBatch> batches(Connection c, DataScope scope) throws SQLException {
        Where where = scope.where("ORG_PATH");
        return Jdbc.list(c, BATCH + where.sql() + " ORDER BY ID DESC", PayoutStore::map, where.params());
    }

    public static Optional<PayoutBatch> batch(Connection c, long id, DataScope scope) throws SQLException {
        Where where = scope.where("ORG_PATH").and("ID = ?", id);
        return Jdbc.one(c, BATCH + where.sql(), PayoutStore::map, where.params());
    }

    /** Approved claims of a subtree not yet in a batch, oldest first. */
    public static List<Payable> payable(Connection c, DataScope scope) throws SQLException {
        Where where = scope.where("C.ORG_PATH").and("C.STATUS = ?", ClaimStatus.APPROVED.code()).and("C.PAYOUT_BATCH_ID IS NULL");
        return Jdbc.list(c, "SELECT C.ID, C.APPROVED_FEN, C.MEMBER_ID, M.NAME, C.ORG_PATH FROM MA_CLAIM C JOIN MA_MEMBER M ON M.ID = C.MEMBER_ID "
                        + where.sql() + " ORDER BY C.ID",
                rs -> new Payable(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)), where.params());
    }

    public static long insertBatch(Connection c, String orgPath, int claimCount, long totalFen, String user) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO MA_PAYOUT_BATCH (ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", orgPath, claimCount, totalFen, user, Instant.now());
    }

    /** Marks an approved claim paid in a batch; false when it is no longer approved. */
    public static boolean markPaid(Connection c, long claimId, long batchId) throws SQLException {
        return Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, PAYOUT_BATCH_ID = ? WHERE ID = ? AND STATUS = ?",
                ClaimStatus.PAID.name(), batchId, claimId, ClaimStatus.APPROVED.name()) == 1;
    }

    public static List<BankLine> bankLines(Connection c, long batchId) throws SQLException {
        return Jdbc.list(c, "SELECT C.ID, M.NAME, M.ID_NUMBER, C.APPROVED_FEN FROM MA_CLAIM C JOIN MA_MEMBER M "
                        + "ON M.ID = C.MEMBER_ID WHERE C.PAYOUT_BATCH_ID = ? ORDER BY C.ID",
                rs -> new BankLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), batchId);
    }

    static PayoutBatch map(ResultSet rs) throws SQLException {
        return new PayoutBatch(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
