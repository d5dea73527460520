package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.DataAccessException;

/** Runs migrations against a real Derby database on disk. */
class MigratorTest {
    @TempDir
    Path dir;
    private SqlDatabase database;
    private Migrator migrator;

    @BeforeEach
    void setUp() {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        String url = "jdbc:derby:" + dir.resolve("db") + ";create=true";
        database = new SqlDatabase(new DriverManagerDataSource(url), Dialects.forProduct("Apache Derby"));
        migrator = new Migrator(database);
        migrator.ensureHistoryTable();
        migrator.ensureHistoryTable(); // twice is harmless
    }

    @Test
    void appliesEachMigrationOnceInVersionOrder() {
        Migration v2 = Migration.of("V2__fill.sql", "INSERT INTO T (ID) VALUES (1);").orElseThrow();
        Migration v1 = Migration.of("V1__create.sql", "CREATE TABLE T (ID INT PRIMARY KEY);").orElseThrow();
        assertEquals(2, migrator.migrate("m", List.of(v2, v1)));
        assertEquals(0, migrator.migrate("m", List.of(v1, v2)));
        assertEquals(1, count("SELECT COUNT(*) FROM T"));

        Migration v3 = Migration.of("V3__more.sql", "INSERT INTO T (ID) VALUES (2);").orElseThrow();
        assertEquals(1, migrator.migrate("m", List.of(v1, v2, v3)));
        assertEquals(2, count("SELECT COUNT(*) FROM T"));
        assertEquals(3, migrator.appliedChecksums("m").size());
    }

    @Test
    void aNewerVersionAppliesOnlyItsNewMigrationsAndAnOlderOneIsRefusedWithoutTouchingAnything() {
        Migration v1 = Migration.of("V1__create.sql", "CREATE TABLE D (ID INT PRIMARY KEY, NOTE VARCHAR(20));").orElseThrow();
        Migration v2 = Migration.of("V2__fill.sql", "INSERT INTO D (ID) VALUES (1);").orElseThrow();
        assertEquals(2, migrator.migrate("d", List.of(v1, v2)));
        database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO D (ID, NOTE) VALUES (2, 'kept')"));
        Migration v3 = Migration.of("V3__note.sql", "UPDATE D SET NOTE = 'v3' WHERE NOTE IS NULL;").orElseThrow();
        assertEquals(1, migrator.migrate("d", List.of(v1, v2, v3)), "only the new one");
        assertEquals(1, count("SELECT COUNT(*) FROM D WHERE NOTE = 'kept'"));

        Migration sneakedIn = Migration.of("V2__fill.sql", "INSERT INTO D (ID) VALUES (9);").orElseThrow();
        DowngradeRefused refused = assertThrows(DowngradeRefused.class, () -> migrator.migrate("d", List.of(v1, sneakedIn)));
        assertTrue(refused.getMessage().contains("'d' is at V3") && refused.getMessage().contains("end at V2"),
                refused::getMessage);
        assertEquals(0, count("SELECT COUNT(*) FROM D WHERE ID = 9"), "nothing applied");
        assertEquals(3, migrator.appliedChecksums("d").size());
        assertThrows(DowngradeRefused.class, () -> migrator.migrate("d", List.of()), "no migrations at all is older too");
        assertEquals(0, migrator.migrate("d", List.of(v1, v2, v3)), "the same version again is fine");
    }

    @Test
    void aFailingMigrationLeavesNothingBehind() {
        Migration bad = Migration.of("V1__bad.sql", "CREATE TABLE U (ID INT);\nINSERT INTO NOPE VALUES (1);").orElseThrow();
        assertThrows(DataAccessException.class, () -> migrator.migrate("bad", List.of(bad)));
        assertTrue(migrator.appliedChecksums("bad").isEmpty());
        // The table from the first statement was rolled back with the rest.
        Migration good = Migration.of("V1__good.sql", "CREATE TABLE U (ID INT);").orElseThrow();
        assertEquals(1, migrator.migrate("bad", List.of(good)));
    }

    @Test
    void schemasAreRecordedSeparately() {
        Migration a = Migration.of("V1__a.sql", "CREATE TABLE A1 (ID INT);").orElseThrow();
        Migration b = Migration.of("V1__b.sql", "CREATE TABLE B1 (ID INT);").orElseThrow();
        assertEquals(1, migrator.migrate("a", List.of(a)));
        assertEquals(1, migrator.migrate("b", List.of(b)));
    }

    @Test
    void transactionRollsBackWhenWorkThrows() {
        database.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE R (ID INT)"));
        assertThrows(IllegalStateException.class, () -> database.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO R VALUES (1)");
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, count("SELECT COUNT(*) FROM R"));
    }

    @Test
    void theWriteGenerationCountsCommittedWritesOnly() {
        database.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE G (ID INT)"));
        long before = database.writeGeneration();
        count("SELECT COUNT(*) FROM G");
        assertEquals(before, database.writeGeneration(), "a read changed the generation");
        assertThrows(IllegalStateException.class, () -> database.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO G VALUES (1)");
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(before, database.writeGeneration(), "a rolled-back write changed the generation");
        database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO G VALUES (2)"));
        assertEquals(before + 1, database.writeGeneration());
    }

    @Test
    void uniqueViolationsAreRecognised() {
        database.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE K (ID INT PRIMARY KEY)"));
        database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO K VALUES (1)"));
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> database.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO K VALUES (1)")));
        assertTrue(database.dialect().isUniqueViolation((SQLException) e.getCause()));
    }

    @Test
    void aDeadlockVictimIsRunAgainAndOtherFailuresAreNot() {
        int[] runs = {0};
        String result = database.inTransaction(c -> {
            if (++runs[0] < 3) {
                throw new SQLException("chosen as deadlock victim", "40001");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, runs[0]);

        int[] failures = {0};
        assertThrows(DataAccessException.class, () -> database.inTransaction(c -> {
            failures[0]++;
            throw new SQLException("syntax", "42X01");
        }));
        assertEquals(1, failures[0]);

        int[] victims = {0};
        assertThrows(DataAccessException.class, () -> database.inTransaction(c -> {
            victims[0]++;
            throw new SQLException("always a victim", "40001");
        }));
        assertEquals(SqlDatabase.DEADLOCK_ATTEMPTS, victims[0]);
    }

    private int count(String sql) {
        return database.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

}
