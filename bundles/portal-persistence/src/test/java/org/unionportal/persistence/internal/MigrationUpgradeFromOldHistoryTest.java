package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded Derby installation made by the migration mechanism before per-dialect folders and the migration
 * lock (commit cad3acd) keeps its data and history under today's extender: nothing is applied again, the recorded
 * checksums are today's, only scripts added since run.
 *
 * <p>The old installation is written here with plain JDBC exactly as the old Migrator wrote it (its history table
 * DDL and rows, copied from {@code git show ac242a4:.../Migrator.java}): in Derby's default schema APP (the shipped
 * datasource has no user), the core's scripts V1–V5 and hardship aid's V1–V3 (every script both had then; hardship
 * aid's V1 has a PostgreSQL copy today, which Derby must not take), each row with the description of the file name
 * (underscores as spaces) and the SHA-256 of the script's UTF-8 text. The scripts are the modules' own files.
 */
class MigrationUpgradeFromOldHistoryTest {
    private static final Pattern OLD_FILE_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_\\-]+)\\.sql");
    private static final Path BUNDLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path CORE = BUNDLES.resolve("portal-core/src/main/resources");
    private static final Path HARDSHIP = BUNDLES.resolve("hardship-aid/src/main/resources");

    @TempDir
    Path dir;

    @Test
    void anInstallationOfTheOldMechanismKeepsItsDataAndGetsOnlyTheNewScripts() throws Exception {
        assertTrue(Files.isDirectory(CORE.resolve("db/migration")) && Files.isDirectory(HARDSHIP.resolve("db/migration/postgresql")),
                "the modules' migration folders next to this one: " + BUNDLES);
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        String url = "jdbc:derby:" + dir.resolve("portal") + ";create=true";
        try (Connection old = DriverManager.getConnection(url)) {
            createOldHistoryTable(old);
            applyTheOldWay(old, "portal", CORE, 5);
            applyTheOldWay(old, "hardship-aid", HARDSHIP, 3);
            try (Statement s = old.createStatement()) {
                s.executeUpdate("INSERT INTO PORTAL_SETTING (NAME, SETTING_VALUE, UPDATED_AT) "
                        + "VALUES ('upgrade.test', '保留', CURRENT_TIMESTAMP)");
            }
        }
        Map<String, String> historyBefore = history(url);
        long standardsBefore = count(url, "SELECT COUNT(*) FROM HA_STANDARD");
        assertTrue(standardsBefore > 0, "hardship aid's V2 seeds its standards");

        SqlDatabase database = new SqlDatabase(new DriverManagerDataSource(url), Dialects.forProduct("Apache Derby"));
        Migrator today = new Migrator(database, MigrationLock.forDatabase(new DriverManagerDataSource(url), "derby"));
        today.ensureHistoryTable(); // finds the old table, creates nothing
        // today's extender reads the scripts (common folder, the database's own folder first)
        List<Migration> core = MigrationExtender.migrationsOf(MigrationExtenderTest.bundle("portal", CORE), "derby");
        List<Migration> hardship = MigrationExtender.migrationsOf(MigrationExtenderTest.bundle("hardship-aid", HARDSHIP), "derby");

        int hardshipNew = (int) hardship.stream().filter(m -> m.version() > 3).count();
        assertEquals(hardshipNew, today.migrate("hardship-aid", hardship), "hardship aid: only the scripts added after the change");
        int coreNew = (int) core.stream().filter(m -> m.version() > 5).count();
        assertEquals(coreNew, today.migrate("portal", core), "the core: only the scripts added after the change");

        Map<String, String> historyAfter = history(url);
        historyBefore.forEach((key, row) -> assertEquals(row, historyAfter.get(key), "the old row " + key + " is unchanged"));
        assertEquals(historyBefore.size() + hardshipNew + coreNew, historyAfter.size());
        for (Migration m : hardship) {
            assertEquals(m.checksum(), today.appliedChecksums("hardship-aid").get(m.version()),
                    "hardship aid V" + m.version() + ": Derby's script is the one recorded (no 'changed after applied')");
        }
        for (Migration m : core) {
            assertEquals(m.checksum(), today.appliedChecksums("portal").get(m.version()), "core V" + m.version());
        }
        assertEquals(standardsBefore, count(url, "SELECT COUNT(*) FROM HA_STANDARD"));
        assertEquals(1, count(url, "SELECT COUNT(*) FROM PORTAL_SETTING WHERE NAME = 'upgrade.test' AND SETTING_VALUE = '保留'"));
        assertEquals(0, today.migrate("portal", core), "and a second start applies nothing");
    }

    /** The old Migrator's ensureHistoryTable, verbatim. */
    private static void createOldHistoryTable(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE PORTAL_SCHEMA_HISTORY ("
                    + "SCHEMA_KEY VARCHAR(100) NOT NULL, VERSION INTEGER NOT NULL, "
                    + "DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL, "
                    + "APPLIED_ON TIMESTAMP NOT NULL, PRIMARY KEY (SCHEMA_KEY, VERSION))");
        }
    }

    /**
     * The old extender and Migrator: the {@code *.sql} files directly in {@code /db/migration} up to {@code upTo},
     * in version order, each executed statement by statement (the splitter is unchanged since) and recorded.
     */
    private static void applyTheOldWay(Connection c, String schemaKey, Path resources, int upTo) throws Exception {
        TreeMap<Integer, Path> scripts = new TreeMap<>();
        try (var files = Files.list(resources.resolve("db/migration"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = OLD_FILE_NAME.matcher(f.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) <= upTo) {
                    scripts.put(Integer.parseInt(m.group(1)), f);
                }
            }
        }
        assertEquals(upTo, scripts.lastKey(), schemaKey + " has its scripts up to V" + upTo);
        for (Map.Entry<Integer, Path> script : scripts.entrySet()) {
            String fileName = script.getValue().getFileName().toString();
            String sql = Files.readString(script.getValue(), StandardCharsets.UTF_8);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : Migration.of(fileName, sql).orElseThrow().statements()) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO PORTAL_SCHEMA_HISTORY"
                    + " (SCHEMA_KEY, VERSION, DESCRIPTION, CHECKSUM, APPLIED_ON) VALUES (?, ?, ?, ?, ?)")) {
                Matcher m = OLD_FILE_NAME.matcher(fileName);
                assertTrue(m.matches());
                insert.setString(1, schemaKey);
                insert.setInt(2, script.getKey());
                insert.setString(3, m.group(2).replace('_', ' '));
                insert.setString(4, HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8))));
                insert.setTimestamp(5, Timestamp.valueOf("2026-06-01 10:00:00"));
                insert.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static Map<String, String> history(String url) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_KEY, VERSION, DESCRIPTION, CHECKSUM, APPLIED_ON FROM PORTAL_SCHEMA_HISTORY")) {
            while (rs.next()) {
                rows.put(rs.getString(1) + " V" + rs.getInt(2), rs.getString(3) + " | " + rs.getString(4) + " | " + rs.getTimestamp(5));
            }
        }
        return rows;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
