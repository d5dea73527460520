package org.unionportal.core.internal.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;

/**
 * Database leases ({@code PORTAL_LEASE}): one row per job that must run on one node at a time. Taking a lease is
 * one conditional UPDATE, atomic on Derby and PostgreSQL alike (the row lock serialises takers; the second one
 * re-checks the condition on the committed row and updates nothing); the first taker of a new name inserts its row.
 * Expiry times come from the nodes' clocks, so the nodes need synchronised clocks (NTP), as for any lease.
 */
public final class Leases {
    private Leases() {
    }

    /**
     * Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}; true when {@code holder}
     * holds it now. Succeeds only when the lease is free, expired, or already {@code holder}'s.
     */
    public static boolean acquire(Connection c, String name, String holder, Instant now, Duration ttl) throws SQLException {
        Timestamp at = Timestamp.from(now);
        Timestamp until = Timestamp.from(now.plus(ttl));
        if (Jdbc.update(c, "UPDATE PORTAL_LEASE SET HOLDER = ?, EXPIRES_AT = ? WHERE NAME = ? AND (HOLDER = ? OR EXPIRES_AT <= ?)",
                holder, until, name, holder, at) == 1) {
            return true;
        }
        if (Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_LEASE WHERE NAME = ?", name) > 0) {
            return false;
        }
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            Jdbc.update(c, "INSERT INTO PORTAL_LEASE (NAME, HOLDER, EXPIRES_AT) VALUES (?, ?, ?)", name, holder, until);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint); // another node took the new lease first
            }
            return false;
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
        return true;
    }

    /** Gives the lease up at once if {@code holder} has it (others may take it immediately). */
    public static boolean release(Connection c, String name, String holder, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE PORTAL_LEASE SET EXPIRES_AT = ? WHERE NAME = ? AND HOLDER = ?",
                Timestamp.from(now), name, holder) == 1;
    }

    /** Who holds the lease now, if anyone. */
    public static Optional<String> holder(Connection c, String name, Instant now) throws SQLException {
        return Jdbc.one(c, "SELECT HOLDER FROM PORTAL_LEASE WHERE NAME = ? AND EXPIRES_AT > ?", rs -> rs.getString(1),
                name, Timestamp.from(now));
    }
}
