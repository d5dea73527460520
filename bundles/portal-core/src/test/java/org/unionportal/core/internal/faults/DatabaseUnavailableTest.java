package org.unionportal.core.internal.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.unionportal.api.db.DataAccessException;
import org.unionportal.api.i18n.Language;

class DatabaseUnavailableTest {
    private static String code(Throwable e) {
        return DatabaseUnavailable.problem(new DataAccessException("Database operation failed", e)).map(p -> p.status() + " " + p.code()).orElse("none");
    }

    @Test
    void connectionFailuresAndShutdownsAre503() {
        assertEquals("503 database_unavailable", code(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertEquals("503 database_unavailable", code(new SQLException("An I/O error occurred", "08006")));
        assertEquals("503 database_unavailable", code(new SQLException("terminating connection due to administrator command", "57P01")));
        // HikariCP's timeout carries the last connection failure's state, or none when the pool is only exhausted
        assertEquals("503 database_unavailable", code(new SQLTransientConnectionException("portal - Connection is not available", "08001",
                new SQLException("refused", "08001"))));
        assertEquals("503 database_unavailable", code(new SQLTransientConnectionException("portal - Connection is not available")));
    }

    @Test
    void aFullDiskIs503WithItsOwnCode() {
        assertEquals("503 disk_full", code(new SQLException("could not extend file: No space left on device", "53100")));
        SQLException derby = new SQLException("Java exception: 'No space left on device: java.io.IOException'.", "XJ001",
                new IOException("No space left on device"));
        assertEquals("503 disk_full", code(derby));
        assertTrue(DatabaseUnavailable.diskFull().message().in(Language.ZH).contains("磁盘已满"));
        // Derby: its log could not be written; a database that cannot boot again with the reason deeper in the next exception
        assertEquals("503 disk_full", code(new SQLException("Error encountered when attempting to write the transaction recovery log.", "XSLA4")));
        SQLException boot = new SQLException("Failed to start database 'portal' with class loader ..., see the next exception for details.", "XJ040");
        boot.setNextException(new SQLException("Cannot flush the log file to disk /x/log/log2.dat.", "XSLA0",
                new IOException("No space left on device")));
        assertEquals("503 disk_full", code(boot));
    }

    @Test
    void whatTheDatabaseRefusesIsNotAnOutage() {
        assertEquals("none", code(new SQLException("duplicate key", "23505")));
        assertEquals("none", code(new SQLException("value too long", "22001")));
        assertEquals("none", code(new SQLException("deadlock", "40001")));
        assertEquals("none", code(new IllegalStateException("a bug")));
    }
}
