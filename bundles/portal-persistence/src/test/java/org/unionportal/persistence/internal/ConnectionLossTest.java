package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.unionportal.api.db.DataAccessException;

/** Which failures are a lost connection (worth the same migrations again) and which are the work itself. */
class ConnectionLossTest {
    @Test
    void connectionExceptionsAndServerShutdownsAreLostConnections() {
        for (String state : new String[] {"08006", "08001", "08003", "57P01", "57P02", "57P03"}) {
            assertTrue(ConnectionLoss.causedBy(wrapped(new SQLException("gone", state))), state);
        }
    }

    @Test
    void thePoolGivingUpWaitingIsALostConnection() {
        // Hikari's time-out carries no SQLSTATE of its own when the driver gave none
        assertTrue(ConnectionLoss.causedBy(wrapped(new SQLTransientConnectionException("portal - Connection is not available"))));
    }

    @Test
    void aWrongScriptOrAFullDiskIsNot() {
        assertFalse(ConnectionLoss.causedBy(wrapped(new SQLSyntaxErrorException("no such table", "42X05"))));
        assertFalse(ConnectionLoss.causedBy(wrapped(new SQLException("relation does not exist", "42P01"))));
        assertFalse(ConnectionLoss.causedBy(wrapped(new SQLException("no state"))));
        assertFalse(ConnectionLoss.causedBy(new IllegalStateException("no SQL at all")));
    }

    private static DataAccessException wrapped(SQLException cause) {
        return new DataAccessException("Database operation failed: " + cause.getMessage(), cause);
    }
}
