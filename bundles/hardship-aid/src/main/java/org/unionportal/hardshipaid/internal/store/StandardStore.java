package org.unionportal.hardshipaid.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Labels;
import org.unionportal.hardshipaid.internal.rules.ApprovalStatus;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.rules.Standard;
import org.unionportal.hardshipaid.internal.rules.Standards;

/** The standards table: proposals, approvals (by a second person), the approved ones for the rules. */
public final class StandardStore {
    static final String COLUMNS = "ID, ITEM, AMOUNT_FEN, EFFECTIVE_FROM, STATUS, PROPOSED_BY, PROPOSED_AT, DECIDED_BY, DECIDED_AT, NOTE";

    private StandardStore() {
    }

    public record Row(long id, Item item, Long amountFen, LocalDate effectiveFrom, ApprovalStatus status, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt, String note) {
    }

    public static List<Row> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM HA_STANDARD ORDER BY ID DESC", StandardStore::row);
    }

    public static Optional<Row> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM HA_STANDARD WHERE ID = ?", StandardStore::row, id);
    }

    public static Standards approved(Connection c) throws SQLException {
        return new Standards(Jdbc.list(c, "SELECT ID, ITEM, AMOUNT_FEN, EFFECTIVE_FROM FROM HA_STANDARD WHERE STATUS = ?",
                rs -> new Standard(rs.getLong(1), Labels.of(Item.class, rs.getString(2)), Jdbc.longOrNull(rs, "AMOUNT_FEN"),
                        Jdbc.date(rs, "EFFECTIVE_FROM")), ApprovalStatus.APPROVED.code()));
    }

    public static long propose(Connection c, Item item, Long amountFen, LocalDate from, String user, String note) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO HA_STANDARD (ITEM, AMOUNT_FEN, EFFECTIVE_FROM, STATUS, PROPOSED_BY, PROPOSED_AT, NOTE) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", item.code(), amountFen, from, ApprovalStatus.PROPOSED.code(), user, Instant.now(), note);
    }

    /** Locks the standard's row for the rest of the transaction. */
    public static void lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_STANDARD SET STATUS = STATUS WHERE ID = ?", id);
    }

    public static void decide(Connection c, long id, ApprovalStatus status, String user, Instant at, String note) throws SQLException {
        Jdbc.update(c, "UPDATE HA_STANDARD SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, NOTE = COALESCE(?, NOTE) WHERE ID = ?",
                status.code(), user, at, note, id);
    }

    public static long countProposed(Connection c) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM HA_STANDARD WHERE STATUS = ?", ApprovalStatus.PROPOSED.code());
    }

    /** Seeds an approved row (first start: the Wuxi standards in force from 2020-01-01). */
    public static void seedApproved(Connection c, Standard s, String note) throws SQLException {
        Jdbc.update(c, "INSERT INTO HA_STANDARD (ITEM, AMOUNT_FEN, EFFECTIVE_FROM, STATUS, PROPOSED_BY, PROPOSED_AT, DECIDED_BY, "
                + "DECIDED_AT, NOTE) VALUES (?, ?, ?, 'APPROVED', 'system', ?, 'system', ?, ?)", s.item().name(), s.amountFen(),
                s.effectiveFrom(), Instant.now(), Instant.now(), note);
    }

    /**
     * The last due date already paid or being paid for the item: a new standard must start after it. Empty for an
     * item never paid (MAX of no rows is one row holding NULL, which must not become a value).
     */
    public static Optional<LocalDate> lastDueDate(Connection c, Item item) throws SQLException {
        return Jdbc.one(c, "SELECT MAX(DUE_DATE) FROM HA_PAYMENT WHERE ITEM = ?", rs -> Optional.ofNullable(rs.getDate(1)), item.code())
                .flatMap(d -> d.map(java.sql.Date::toLocalDate));
    }

    static Row row(ResultSet rs) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp(9);
        return new Row(rs.getLong(1), Labels.of(Item.class, rs.getString(2)), Jdbc.longOrNull(rs, "AMOUNT_FEN"),
                Jdbc.date(rs, "EFFECTIVE_FROM"), Labels.of(ApprovalStatus.class, rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                decided == null ? null : decided.toInstant(), rs.getString(10));
    }
}
