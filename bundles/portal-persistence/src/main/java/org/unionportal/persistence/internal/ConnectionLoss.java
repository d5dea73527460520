package org.unionportal.persistence.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure was the database connection going away, not the work itself being wrong: worth doing the same work
 * again once the database answers. SQLSTATE class 08 (connection exception; Derby's 08006 when its database shuts
 * down), PostgreSQL's administrator or crash shutdown and "cannot connect now" (57P01, 57P02, 57P03), and the pool
 * giving up waiting for a connection (Hikari's {@link SQLTransientConnectionException}).
 */
final class ConnectionLoss {
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private ConnectionLoss() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && isConnectionState(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state));
    }
}
