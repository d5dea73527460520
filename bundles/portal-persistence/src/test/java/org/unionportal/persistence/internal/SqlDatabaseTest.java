package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlDatabaseTest {
    @Test
    void onlyDeadlocksAndLockTimeoutsAreRunAgain() {
        assertTrue(SqlDatabase.isDeadlock(new RuntimeException(new SQLException("deadlock", "40001"))));
        assertTrue(SqlDatabase.isDeadlock(new SQLException("lock wait", "40XL1")));
        assertFalse(SqlDatabase.isDeadlock(new SQLException("duplicate", "23505")));
        // Derby's wrapped exceptions carry no state (seen when a full disk shut its database down): not retried, no NPE
        assertFalse(SqlDatabase.isDeadlock(new SQLException("no state", (String) null, new SQLException("gone", "08003"))));
    }
}
