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
 *
 * <p>Several portal processes may start at once on one PostgreSQL database: reading the history and
 * applying what is pending happens under {@link MigrationLock}, so one process migrates and the others
 * wait, then find nothing pending.
 */
final class Migrator {
    static final String HISTORY_TABLE = "PORTAL_SCHEMA_HISTORY";
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final SqlDatabase database;
    private final MigrationLock lock;

    Migrator(SqlDatabase database) {
        this(database, MigrationLock.NONE);
    }

    Migrator(SqlDatabase database, MigrationLock lock) {
        this.database = database;
        this.lock = lock;
    }

    void ensureHistoryTable() {
        lock.holding(this::createHistoryTableIfMissing);
    }

    private Void createHistoryTableIfMissing() {
        return database.inTransaction(connection -> {
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
        return lock.holding(() -> {
            createHistoryTableIfMissing();
            return migrateLocked(schemaKey, migrations);
        });
    }

    private int migrateLocked(String schemaKey, List<Migration> migrations) {
        Map<Integer, String> applied = appliedChecksums(schemaKey);
        refuseDowngrade(schemaKey, migrations, applied);
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

    /**
     * An older version of a module over its newer data: the database records a version higher than any the bundle
     * ships. Refused before anything is applied, with what to do.
     */
    private static void refuseDowngrade(String schemaKey, List<Migration> migrations, Map<Integer, String> applied) {
        int recorded = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int shipped = migrations.stream().mapToInt(Migration::version).max().orElse(0);
        if (recorded > shipped) {
            throw new DowngradeRefused("Downgrade refused: schema '" + schemaKey + "' is at V" + recorded
                    + " in the database, but this bundle's migrations end at V" + shipped + ". It is an older version "
                    + "of the module than the one that wrote the data; nothing was changed and the module stays off. "
                    + "Install the version that ships V" + recorded + " or a newer one.");
        }
    }

    private void apply(String schemaKey, Migration migration) {
        database.inTransaction(connection -> {
            try (Statement s = connection.createStatement()) {
                if (database.dialect().name().equals("postgresql")) {
                    // A migration may take long (an index on a large table): the sessions' statement
                    // timeout does not apply to it; waiting for running work's locks is bounded.
                    s.execute("SET LOCAL statement_timeout = 0");
                    s.execute("SET LOCAL lock_timeout = '60s'");
                }
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
        // In the connection's own schema only: another schema of the same database may have its own history.
        String schema = connection.getSchema();
        for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
