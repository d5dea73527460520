package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.money.Money;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.BatchStatus;
import org.unionportal.hardshipaid.internal.rules.Channel;
import org.unionportal.hardshipaid.internal.rules.Entitlement;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.rules.PaymentStatus;
import org.unionportal.hardshipaid.internal.rules.Period;

/** Payment batches and their lines. */
public final class BatchStore {
    static final String BATCH_COLUMNS = "B.ID, B.KIND, B.PERIOD, B.STATUS, B.ORG_PATH, B.DUE_DATE, "
            + "(SELECT COUNT(*) FROM HA_PAYMENT P WHERE P.BATCH_ID = B.ID), "
            + "(SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM HA_PAYMENT P WHERE P.BATCH_ID = B.ID), "
            + "(SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM HA_PAYMENT P WHERE P.BATCH_ID = B.ID AND P.CHANNEL = 'BANK'), "
            + "(SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM HA_PAYMENT P WHERE P.BATCH_ID = B.ID AND P.CHANNEL = 'LOVE_CARD'), "
            + "B.CREATED_BY, B.CREATED_AT, B.APPROVED_BY, B.APPROVED_AT, B.CLOSED_AT, B.REISSUE_OF";
    static final String LINE_COLUMNS = "P.ID, P.HOUSEHOLD_ID, H.HEAD_NAME, H.CERTIFICATE_NO, P.ITEM, P.PERIOD, M.NAME, P.AMOUNT_FEN, "
            + "P.CHANNEL, P.DUE_DATE, P.STANDARD_ID, P.EXPLANATION, P.STATUS, P.FAILURE_REASON, P.REISSUED_IN, P.ACCOUNT, "
            + "P.ACCOUNT_BANK, P.ATTEMPT, P.BENEFICIARY_ID, P.EXPLANATION_EN";
    static final String LINE_FROM = " FROM HA_PAYMENT P JOIN HA_HOUSEHOLD H ON H.ID = P.HOUSEHOLD_ID "
            + "LEFT JOIN HA_MEMBER M ON M.ID = P.BENEFICIARY_ID";

    private BatchStore() {
    }

    /**
     * A line. {@code explanation} and {@code explanationEn} say how its amount came about in Chinese and in English (the
     * page shows the one it speaks); a line made before the English one was kept (hardship V4) has a shorter English one
     * made from its item and amount ({@link #englishOf}).
     */
    public record Line(long id, long householdId, String headName, String certificateNo, Item item, String period,
            String beneficiary, long amountFen, Channel channel, LocalDate dueDate, Long standardId, String explanation,
            PaymentStatus status, String failureReason, Long reissuedInBatchId, String explanationEn) {
    }

    /** The English explanation of a line written before hardship V4 kept one: its item and its amount. */
    static String englishOf(String stored, Item item, long amountFen) {
        return stored != null ? stored : item.en() + ": CNY " + Money.compact(amountFen);
    }

    /**
     * A batch as the pages see it. {@code createdByName} and {@code approvedByName} are people's names (null when unknown);
     * {@code secondPersonRequired} says whether its maker is refused as its approver now (the module's
     * {@code batches.secondPerson} setting; null where the service did not add it).
     */
    public record Batch(long id, BatchKind kind, String period, BatchStatus status, String orgPath, LocalDate dueDate, int lineCount,
            long totalFen, long bankFen, long loveCardFen, String createdBy, Instant createdAt, String approvedBy,
            Instant approvedAt, Instant closedAt, Long reissueOf, List<Line> lines, List<String> warnings,
            String createdByName, String approvedByName, Boolean secondPersonRequired) {
        public Batch withLines(List<Line> l) {
            return new Batch(id, kind, period, status, orgPath, dueDate, lineCount, totalFen, bankFen, loveCardFen, createdBy,
                    createdAt, approvedBy, approvedAt, closedAt, reissueOf, l, warnings, createdByName, approvedByName,
                    secondPersonRequired);
        }

        /** The rules' warnings of a generation (items without a standard in force). */
        public Batch withWarnings(List<String> w) {
            return new Batch(id, kind, period, status, orgPath, dueDate, lineCount, totalFen, bankFen, loveCardFen, createdBy,
                    createdAt, approvedBy, approvedAt, closedAt, reissueOf, lines, List.copyOf(w), createdByName, approvedByName,
                    secondPersonRequired);
        }

        /** With its people's names and whether a second person must approve it. */
        public Batch withPeople(String createdName, String approvedName, boolean secondPerson) {
            return new Batch(id, kind, period, status, orgPath, dueDate, lineCount, totalFen, bankFen, loveCardFen, createdBy,
                    createdAt, approvedBy, approvedAt, closedAt, reissueOf, lines, warnings, createdName, approvedName, secondPerson);
        }
    }

    /** A line with the account it is paid to (for the bank and love-card files). */
    public record Payable(Line line, String account, String bank, int attempt, long beneficiaryId) {
    }

    /** Where each household is paid: bank account and love card, read once for a whole batch. */
    record Accounts(String bankName, String bankAccount, String loveCardNo) {
    }

    public static List<Batch> list(Connection c, DataScope scope) throws SQLException {
        var where = scope.where("B.ORG_PATH");
        return Jdbc.list(c, "SELECT " + BATCH_COLUMNS + " FROM HA_BATCH B " + where.sql() + " ORDER BY B.ID DESC",
                BatchStore::batch, where.params());
    }

    /** How many batches of a subtree are in {@code status} (the home page's to-do count). */
    public static long count(Connection c, DataScope scope, BatchStatus status) throws SQLException {
        var where = scope.where("B.ORG_PATH").and("B.STATUS = ?", status.code());
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_BATCH B " + where.sql(), where.params());
    }

    /** The batch, wherever it is (the service checks it against the caller's scope). */
    public static Optional<Batch> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + BATCH_COLUMNS + " FROM HA_BATCH B WHERE B.ID = ?", BatchStore::batch, id);
    }

    /** Locks the batch row for the rest of the transaction (its decisions run one at a time). */
    public static void lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_BATCH SET STATUS = STATUS WHERE ID = ?", id);
    }

    /** Locks the payments table: one generation at a time, the second sees what the first wrote. */
    public static void lockPayments(Connection c) throws SQLException {
        Jdbc.update(c, "LOCK TABLE HA_PAYMENT IN EXCLUSIVE MODE");
    }

    /** Removes a draft batch and its lines; the lines it reissued may be reissued again. */
    public static void discard(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_PAYMENT SET REISSUED_IN = NULL WHERE REISSUED_IN = ?", id);
        Jdbc.update(c, "DELETE FROM HA_PAYMENT WHERE BATCH_ID = ?", id);
        Jdbc.update(c, "DELETE FROM HA_BATCH WHERE ID = ?", id);
    }

    public static void approve(Connection c, long id, String user, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE HA_BATCH SET STATUS = ?, APPROVED_BY = ?, APPROVED_AT = ? WHERE ID = ?", BatchStatus.APPROVED.code(), user,
                at, id);
        Jdbc.update(c, "UPDATE HA_PAYMENT SET STATUS = ? WHERE BATCH_ID = ?", PaymentStatus.APPROVED.code(), id);
    }

    /** Marks one line failed; false when the batch has no such line. */
    public static boolean fail(Connection c, long batchId, long lineId, String reason) throws SQLException {
        return Jdbc.update(c, "UPDATE HA_PAYMENT SET STATUS = ?, FAILURE_REASON = ? WHERE ID = ? AND BATCH_ID = ?",
                PaymentStatus.FAILED.code(), reason, lineId, batchId) == 1;
    }

    /** A household whose bank transfer in a batch was returned: where to text it and whose subtree it is in. */
    public record Contact(long householdId, String headName, String phone, String orgPath) {
    }

    /** The households of a batch's failed bank lines, with their phone as it is now (null when none is on file). */
    public static List<Contact> householdsOfFailedTransfers(Connection c, long batchId) throws SQLException {
        return Jdbc.list(c, "SELECT DISTINCT H.ID, H.HEAD_NAME, H.PHONE, H.ORG_PATH FROM HA_PAYMENT P JOIN HA_HOUSEHOLD H "
                        + "ON H.ID = P.HOUSEHOLD_ID WHERE P.BATCH_ID = ? AND P.STATUS = ? AND P.CHANNEL = ? ORDER BY H.ID",
                rs -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), batchId,
                PaymentStatus.FAILED.code(), Channel.BANK.name());
    }

    /** Every line not failed is paid; the batch is closed. */
    public static void close(Connection c, long id, String user, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE HA_PAYMENT SET STATUS = ? WHERE BATCH_ID = ? AND STATUS = ?", PaymentStatus.PAID.code(), id,
                PaymentStatus.APPROVED.code());
        Jdbc.update(c, "UPDATE HA_BATCH SET STATUS = ?, CLOSED_BY = ?, CLOSED_AT = ? WHERE ID = ?", BatchStatus.CLOSED.code(), user, at, id);
    }

    public static List<Payable> lines(Connection c, long batchId) throws SQLException {
        return Jdbc.list(c, "SELECT " + LINE_COLUMNS + LINE_FROM + " WHERE P.BATCH_ID = ? ORDER BY P.ID", BatchStore::payable, batchId);
    }

    /**
     * The keys already paid or being paid (any batch, anywhere) for the period's items: "household/item/period/beneficiary".
     * Read under the table lock, so two generations never both miss the other's lines.
     */
    public static Set<String> existingKeys(Connection c, Period period) throws SQLException {
        Set<String> keys = new HashSet<>();
        for (Period.Part part : period.parts()) {
            keys.addAll(Jdbc.list(c, "SELECT HOUSEHOLD_ID, BENEFICIARY_ID FROM HA_PAYMENT WHERE ITEM = ? AND PERIOD = ?",
                    rs -> key(rs.getLong(1), part.item().name(), part.periodKey(), rs.getLong(2)), part.item().name(), part.periodKey()));
        }
        return keys;
    }

    public static String key(long household, String item, String period, long beneficiary) {
        return household + "/" + item + "/" + period + "/" + beneficiary;
    }

    /** The batches that already pay any of the period's items (to name them when nothing new is left). */
    public static List<Long> batchesPaying(Connection c, Period period, DataScope scope) throws SQLException {
        Set<Long> ids = new java.util.TreeSet<>();
        for (Period.Part part : period.parts()) {
            ids.addAll(Jdbc.list(c, "SELECT DISTINCT P.BATCH_ID FROM HA_PAYMENT P JOIN HA_BATCH B ON B.ID = P.BATCH_ID "
                    + "WHERE P.ITEM = ? AND P.PERIOD = ?" + scope.on("B.ORG_PATH").and(), rs -> rs.getLong(1), part.item().name(),
                    part.periodKey(), scope.pattern()));
        }
        return List.copyOf(ids);
    }

    public static long insertBatch(Connection c, BatchKind kind, String period, String orgPath, LocalDate due, Long reissueOf,
            String user) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO HA_BATCH (KIND, PERIOD, STATUS, ORG_PATH, DUE_DATE, REISSUE_OF, CREATED_BY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kind.code(), period, BatchStatus.DRAFT.code(), orgPath, due, reissueOf, user,
                Instant.now());
    }

    /** Lines per executeBatch. */
    private static final int CHUNK = 2000;

    /** Inserts the lines as one JDBC batch; accounts are read for all households at once. */
    public static void insertLines(Connection c, long batchId, LocalDate due, List<Entitlement> lines) throws SQLException {
        Map<Long, Accounts> accounts = accounts(c, lines.stream().map(Entitlement::householdId).collect(java.util.stream.Collectors.toSet()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO HA_PAYMENT (BATCH_ID, HOUSEHOLD_ID, ITEM, PERIOD, BENEFICIARY_ID, "
                + "ATTEMPT, AMOUNT_FEN, CHANNEL, ACCOUNT, ACCOUNT_BANK, DUE_DATE, STANDARD_ID, EXPLANATION, EXPLANATION_EN, STATUS) "
                + "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '" + PaymentStatus.DRAFT.code() + "')")) {
            int n = 0;
            java.sql.Date dueDate = java.sql.Date.valueOf(due);
            for (Entitlement e : lines) {
                Accounts a = accounts.get(e.householdId());
                boolean bank = e.channel() == Channel.BANK;
                // plain setters: this loop runs for every line of a city-wide batch
                ps.setLong(1, batchId);
                ps.setLong(2, e.householdId());
                ps.setString(3, e.item().name());
                ps.setString(4, e.periodKey());
                ps.setLong(5, e.beneficiaryId());
                ps.setLong(6, e.amountFen());
                ps.setString(7, e.channel().name());
                ps.setString(8, bank ? a.bankAccount() : a.loveCardNo());
                ps.setString(9, bank ? a.bankName() : null);
                ps.setDate(10, dueDate);
                if (e.standardId() == null) {
                    ps.setNull(11, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(11, e.standardId());
                }
                ps.setString(12, e.explanation().zh());
                ps.setString(13, e.explanation().en());
                ps.addBatch();
                if (++n % CHUNK == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static final int BY_ID_LIMIT = 500;
    private static final int MAX_EXPLANATION = 400;

    /** A reissue's explanation within the column (a line reissued again and again grows by its prefix each time). */
    private static String truncate(String text) {
        return text.length() <= MAX_EXPLANATION ? text : text.substring(0, MAX_EXPLANATION - 1) + "…";
    }

    private static Map<Long, Accounts> accounts(Connection c, Set<Long> households) throws SQLException {
        Map<Long, Accounts> out = new HashMap<>();
        if (households.isEmpty()) {
            return out;
        }
        // a few households by id; a city-wide batch in one scan, cheaper than thousands of lookups
        String which = households.size() <= BY_ID_LIMIT
                ? "ID IN (" + households.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")"
                : "STATUS IN ('ON_FILE', 'LEFT')";
        for (Object[] r : Jdbc.list(c, "SELECT ID, BANK_NAME, BANK_ACCOUNT, LOVE_CARD_NO FROM HA_HOUSEHOLD WHERE " + which,
                rs -> new Object[] {rs.getLong(1), new Accounts(rs.getString(2), rs.getString(3), rs.getString(4))})) {
            if (households.contains((Long) r[0])) {
                out.put((Long) r[0], (Accounts) r[1]);
            }
        }
        return out;
    }

    /**
     * Failed lines paid again in a reissue batch, each to its household's current account: the new lines and the marks
     * on the failed ones as two JDBC batches (multi-row inserts on PostgreSQL with reWriteBatchedInserts).
     */
    public static void reissue(Connection c, long newBatchId, List<Payable> failedLines, LocalDate due) throws SQLException {
        Map<Long, Accounts> accounts = accounts(c, failedLines.stream().map(p -> p.line().householdId())
                .collect(java.util.stream.Collectors.toSet()));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO HA_PAYMENT (BATCH_ID, HOUSEHOLD_ID, ITEM, PERIOD, "
                + "BENEFICIARY_ID, ATTEMPT, AMOUNT_FEN, CHANNEL, ACCOUNT, ACCOUNT_BANK, DUE_DATE, STANDARD_ID, EXPLANATION, EXPLANATION_EN, "
                + "STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement mark = c.prepareStatement("UPDATE HA_PAYMENT SET REISSUED_IN = ? WHERE ID = ?")) {
            int pending = 0;
            for (Payable failed : failedLines) {
                Accounts a = accounts.get(failed.line().householdId());
                boolean bank = failed.line().channel() == Channel.BANK;
                Jdbc.bind(insert, newBatchId, failed.line().householdId(), failed.line().item().code(), failed.line().period(),
                        failed.beneficiaryId(), failed.attempt() + 1, failed.line().amountFen(), failed.line().channel().code(),
                        bank ? a.bankAccount() : a.loveCardNo(), bank ? a.bankName() : null, due, failed.line().standardId(),
                        truncate("重发（原批次 " + failed.line().id() + " 行失败）：" + failed.line().explanation()),
                        truncate("Reissue (line " + failed.line().id() + " failed): " + failed.line().explanationEn()), PaymentStatus.DRAFT.code());
                insert.addBatch();
                Jdbc.bind(mark, newBatchId, failed.line().id());
                mark.addBatch();
                if (++pending == CHUNK) {
                    insert.executeBatch();
                    mark.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                mark.executeBatch();
            }
        }
    }

    static Batch batch(ResultSet rs) throws SQLException {
        java.sql.Timestamp approved = rs.getTimestamp(14);
        java.sql.Timestamp closed = rs.getTimestamp(15);
        return new Batch(rs.getLong(1), Labels.of(BatchKind.class, rs.getString(2)), rs.getString(3),
                Labels.of(BatchStatus.class, rs.getString(4)), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getString(13), approved == null ? null : approved.toInstant(),
                closed == null ? null : closed.toInstant(), Jdbc.longOrNull(rs, "REISSUE_OF"), null, null, null, null, null);
    }

    static Payable payable(ResultSet rs) throws SQLException {
        Item item = Labels.of(Item.class, rs.getString(5));
        long amountFen = rs.getLong(8);
        Line line = new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), item,
                rs.getString(6), rs.getString(7), amountFen, Labels.of(Channel.class, rs.getString(9)), rs.getDate(10).toLocalDate(),
                Jdbc.longOrNull(rs, "STANDARD_ID"), rs.getString(12), Labels.of(PaymentStatus.class, rs.getString(13)), rs.getString(14),
                Jdbc.longOrNull(rs, "REISSUED_IN"), englishOf(rs.getString(20), item, amountFen));
        return new Payable(line, rs.getString(16), rs.getString(17), rs.getInt(18), rs.getLong(19));
    }
}
