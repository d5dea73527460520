package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies migrations for one schema key: each pending script once, in version order, in its own
 * transaction together with its history row, so a failed script leaves nothing behind.
 */
final class Migrator {
    static final String HISTORY_TABLE = "PORTAL_SCHEMA_HISTORY";
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final SqlDatabase database;

    Migrator(SqlDatabase database) {
        this.database = database;
    }

    void ensureHistoryTable() {
        database.inTransaction(connection -> {
            if (!tableExists(connection, HISTORY_TABLE)) {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("CREATE TABLE " + HISTORY_TABLE + " ("
                            + "SCHEMA_KEY VARCHAR(100) NOT NULL, VERSION INTEGER NOT NULL, "
                            + "DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL, "
                            + "APPLIED_ON TIMESTAMP NOT NULL, PRIMARY KEY (SCHEMA_KEY, VERSION))");
                }
            }
            return null;
        });
    }

    /** Applies what is pending; returns how many scripts were applied. */
    int migrate(String schemaKey, List<Migration> migrations) {
        Map<Integer, String> applied = appliedChecksums(schemaKey);
        int count = 0;
        for (Migration migration : migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList()) {
            String checksum = applied.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    LOG.warn("Migration {} V{} was changed after it was applied; the change is ignored. "
                            + "Ship changes as a new migration.", schemaKey, migration.version());
                }
                continue;
            }
            apply(schemaKey, migration);
            count++;
        }
        return count;
    }

    private void apply(String schemaKey, Migration migration) {
        database.inTransaction(connection -> {
            try (Statement s = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                    + " (SCHEMA_KEY, VERSION, DESCRIPTION, CHECKSUM, APPLIED_ON) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, schemaKey);
                insert.setInt(2, migration.version());
                insert.setString(3, migration.description());
                insert.setString(4, migration.checksum());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            return null;
        });
        LOG.info("Applied migration {} V{} ({})", schemaKey, migration.version(), migration.description());
    }

    Map<Integer, String> appliedChecksums(String schemaKey) {
        return database.read(connection -> {
            Map<Integer, String> applied = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT VERSION, CHECKSUM FROM " + HISTORY_TABLE + " WHERE SCHEMA_KEY = ?")) {
                query.setString(1, schemaKey);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        applied.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return applied;
        });
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
