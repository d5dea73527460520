package org.unionportal.mutualaid.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;

/** What importing hospital settlements asks of the enrolments. */
public final class SettlementStore {
    private SettlementStore() {
    }

    /** The paid cover of a subtree that the person with {@code idNumber} had on {@code day}, the oldest first. */
    public static Optional<Long> coverOn(Connection c, String idNumber, String subtreePattern, LocalDate day) throws SQLException {
        return Jdbc.one(c, "SELECT E.ID FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID "
                + "WHERE M.ID_NUMBER = ? AND E.ORG_PATH LIKE ? AND E.STATUS IN ('ACTIVE', 'EXPIRED') AND E.COVER_START <= ? "
                + "AND E.COVER_END >= ? ORDER BY E.ID", rs -> rs.getLong(1), idNumber, subtreePattern, day, day);
    }
}
