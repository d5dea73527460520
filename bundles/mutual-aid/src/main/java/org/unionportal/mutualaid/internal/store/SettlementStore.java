package org.unionportal.mutualaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;

/** What importing hospital settlements asks of the enrolments. */
public final class SettlementStore {
    private SettlementStore() {
    }

    /** The paid cover of a subtree that the person with {@code idNumber} had on {@code day}, the oldest first. */
    public static Optional<Long> coverOn(Connection c, String idNumber, DataScope scope, LocalDate day) throws SQLException {
        Where where = scope.where("E.ORG_PATH").and("M.ID_NUMBER = ?", idNumber).and("E.STATUS IN ('ACTIVE', 'EXPIRED')")
                .and("E.COVER_START <= ?", day).and("E.COVER_END >= ?", day);
        return Jdbc.one(c, "SELECT E.ID FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID " + where.sql() + " ORDER BY E.ID",
                rs -> rs.getLong(1), where.params());
    }
}
