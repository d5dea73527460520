package org.unionportal.core.internal.faults;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;

/**
 * When the database cannot serve at all — unreachable, shut down, out of disk space — a request gets 503 with
 * a clear message and {@code Retry-After}, not a 500: nothing is wrong with the request, it can be sent again
 * once the database is back (the pool reconnects by itself; no restart). Read by the SQLState the JDBC drivers
 * report (the same classes on Derby and PostgreSQL), and by an IOException saying the disk is full.
 */
public final class DatabaseUnavailable {
    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** PostgreSQL: the server shuts down or starts up, too many connections, out of memory. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53000", "53200", "53300",
            // Derby: the database cannot be booted, was shut down, or a connection is closed
            "XJ040", "08006", "08003", "40XD0");
    /**
     * PostgreSQL 53100 disk_full; Derby XSLA4, its transaction log could not be written ("most likely the disk
     * holding the recovery log is full"), and otherwise IOExceptions saying so (log or container writes).
     */
    private static final Set<String> DISK_FULL = Set.of("53100", "XSLA4");

    private DatabaseUnavailable() {
    }

    /** The 503 problem for {@code e}, if it says the database cannot serve now. */
    public static Optional<ProblemException> problem(Throwable e) {
        boolean unavailable = false;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (isDiskFull(c)) {
                return Optional.of(diskFull());
            }
            if (c instanceof SQLException sql) {
                String state = sql.getSQLState();
                // class 08: connection exceptions; a pool timeout without a cause also means "no connection now"
                if ((state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)))
                        || (state == null && c instanceof SQLTransientConnectionException)) {
                    unavailable = true;
                }
                // Derby: XJ040 "failed to start the database", the reason in the next exception and its causes
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    for (Throwable n = next; n != null; n = n.getCause() == n ? null : n.getCause()) {
                        if (isDiskFull(n)) {
                            return Optional.of(diskFull());
                        }
                    }
                }
            }
        }
        return unavailable ? Optional.of(unreachable()) : Optional.empty();
    }

    private static boolean isDiskFull(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null && DISK_FULL.contains(sql.getSQLState())) {
            return true;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return (t instanceof IOException || t instanceof SQLException) && (message.contains("no space left on device")
                || message.contains("disk full") || message.contains("not enough space"));
    }

    static ProblemException unreachable() {
        return new ProblemException(503, "database_unavailable", Text.of(
                "数据库暂时无法访问，本次操作未保存。请稍后重试；如果持续出现，请联系管理员检查数据库。",
                "The database cannot be reached right now and nothing was saved. Try again in a moment; if it goes on, "
                        + "ask the administrator to check the database."));
    }

    static ProblemException diskFull() {
        return new ProblemException(503, "disk_full", Text.of(
                "服务器磁盘已满，本次操作未保存。请联系管理员清理磁盘空间后重试。",
                "The server's disk is full and nothing was saved. Ask the administrator to free disk space, then try again."));
    }
}
