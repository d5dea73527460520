package org.unionportal.core.internal.modules;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.unionportal.api.db.Jdbc;

/** Small named values the core remembers in its own table {@code PORTAL_SETTING}. */
final class AppliedSettings {
    /** The {@code install} value of etc/org.unionportal.modules.cfg that was last applied, canonical. */
    static final String MODULES_INSTALL_APPLIED = "modules.install.applied";
    /** The features that value covered (installed when it was applied), comma separated. */
    static final String MODULES_INSTALL_COVERED = "modules.install.covered";

    private AppliedSettings() {
    }

    static Optional<String> get(Connection c, String name) throws SQLException {
        return Jdbc.one(c, "SELECT SETTING_VALUE FROM PORTAL_SETTING WHERE NAME = ?",
                rs -> Optional.ofNullable(rs.getString(1)).orElse(""), name);
    }

    static void put(Connection c, String name, String value) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        if (Jdbc.update(c, "UPDATE PORTAL_SETTING SET SETTING_VALUE = ?, UPDATED_AT = ? WHERE NAME = ?", value, now, name) == 0) {
            Jdbc.update(c, "INSERT INTO PORTAL_SETTING (NAME, SETTING_VALUE, UPDATED_AT) VALUES (?, ?, ?)", name, value, now);
        }
    }
}
