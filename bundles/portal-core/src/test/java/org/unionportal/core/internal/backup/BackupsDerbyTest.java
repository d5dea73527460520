package org.unionportal.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Dialect;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Language;
import org.unionportal.core.internal.MutableClock;
import org.unionportal.persistence.internal.DelegatingDatabase;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/**
 * Backups of a real Derby database: the backup is a database Derby opens with the data of the moment it was made,
 * the scheduled job backs up on one node only (the lease) and keeps the newest; PostgreSQL is refused with pg_dump's name.
 */
class BackupsDerbyTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T18:30:00Z")); // 02:30 in Shanghai
    private ModuleTestDatabase db;

    @BeforeEach
    void database() {
        Assumptions.assumeTrue(System.getProperty(ModuleTestDatabase.POSTGRESQL_PROPERTY, "").isBlank(), "Derby only");
        db = ModuleTestDatabase.create(dir.resolve("live"), "portal");
    }

    private Backups backups(int keep) {
        return new Backups(db, clock, config(dir.resolve("backups").toString(), keep, true));
    }

    @Test
    void aBackupHoldsTheDataOfItsMomentAndOpensAsADatabase() throws Exception {
        Backups backups = backups(7);
        assertEquals("NONE", backups.summary().get("status"));
        setting("before", "1");
        Backups.Backup backup = backups.backupNow();
        setting("after", "2");

        assertEquals("portal-20261202-023000", backup.name());
        // the database's own folder name (the portal's is data/derby/portal; this test's is .../live/db)
        Path copy = backup.folder().resolve("db");
        assertTrue(Files.isRegularFile(copy.resolve("service.properties")), "the database folder is in the backup");
        assertEquals("OK", backups.summary().get("status"));
        assertEquals("2026-12-02T02:30+08:00", backups.summary().get("last"));
        assertEquals(List.of(backup.name()), backups.list().stream().map(Backups.Backup::name).toList());
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + copy)) {
            assertEquals(1, Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_SETTING WHERE NAME = ?", "it.before"));
            assertEquals(0, Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_SETTING WHERE NAME = ?", "it.after"), "written after the backup");
        } finally {
            shutdown(copy);
        }
        // a second backup in the same second gets a name of its own
        assertEquals("portal-20261202-023000-1", backups.backupNow().name());
    }

    @Test
    void theScheduledJobBacksUpOnOneNodeAndKeepsTheNewest() throws Exception {
        Backups backups = backups(2);
        BackupJob a = new BackupJob(db, backups, "node-a", clock, config(backups.directory().toString(), 2, true));
        BackupJob b = new BackupJob(db, backups, "node-b", clock, config(backups.directory().toString(), 2, true));
        Files.createDirectories(backups.directory().resolve("portal-20261101-023000.partial")); // a crash's leftover
        for (int day = 0; day < 3; day++) {
            Instant planned = clock.instant();
            BackupJob.Result first = a.runOnce(planned);
            BackupJob.Result second = b.runOnce(planned);
            assertTrue(first.ran(), "day " + day + ": the first node backs up");
            assertFalse(second.ran(), "day " + day + ": the second node found the lease taken");
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(List.of("portal-20261204-023000", "portal-20261203-023000"),
                backups.list().stream().map(Backups.Backup::name).toList());
        assertFalse(Files.exists(backups.directory().resolve("portal-20261101-023000.partial")), "partial leftovers are removed");
        BackupJob off = new BackupJob(db, backups, "node-c", clock, config(backups.directory().toString(), 2, false));
        assertFalse(off.runOnce(clock.instant()).ran(), "scheduled = false");
    }

    @Test
    void aFailedBackupLeavesNothingAndIsReported() throws Exception {
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the backup folder should be");
        Backups backups = new Backups(db, clock, config(blocked.toString(), 7, true));
        assertThrows(Backups.BackupFailed.class, backups::backupNow);
        assertEquals("FAILED", backups.summary().get("status"));
        assertTrue(backups.list().isEmpty());
    }

    @Test
    void onPostgresqlTheCommandNamesPgDumpAndNothingIsWritten() {
        Backups backups = new Backups(new OtherDialect(db), clock, config(dir.resolve("pg").toString(), 7, true));
        assertFalse(backups.supported());
        assertEquals("EXTERNAL", backups.summary().get("status"));
        assertThrows(Backups.NotOnThisDatabase.class, backups::backupNow);
        assertTrue(BackupTexts.usePgDump("postgresql").in(Language.EN).contains("pg_dump -Fc"));
        assertTrue(BackupTexts.usePgDump("postgresql").in(Language.ZH).contains("pg_restore"));
        assertFalse(Files.exists(dir.resolve("pg")));
        BackupJob job = new BackupJob(new OtherDialect(db), backups, "node-a", clock, config(dir.resolve("pg").toString(), 7, true));
        assertFalse(job.runOnce(clock.instant()).ran());
    }

    private void setting(String name, String value) {
        db.inTransaction(c -> Jdbc.update(c, "INSERT INTO PORTAL_SETTING (NAME, SETTING_VALUE, UPDATED_AT) VALUES (?, ?, ?)", "it." + name, value,
                java.sql.Timestamp.from(clock.instant())));
    }

    private static void shutdown(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
        } catch (java.sql.SQLException expected) {
            // Derby reports a shutdown as an exception
        }
    }

    /** The same database pretending to be PostgreSQL. */
    private static final class OtherDialect extends DelegatingDatabase {
        OtherDialect(PortalDatabase db) {
            super(db);
        }

        @Override
        public Dialect dialect() {
            return new Dialect() {
                @Override
                public String name() {
                    return "postgresql";
                }

                @Override
                public boolean isUniqueViolation(java.sql.SQLException e) {
                    return false;
                }
            };
        }
    }

    static Backups.Config config(String directory, int keep, boolean scheduled) {
        return new Backups.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Backups.Config.class;
            }

            @Override
            public String directory() {
                return directory;
            }

            @Override
            public String time() {
                return "02:30";
            }

            @Override
            public long intervalMinutes() {
                return 0;
            }

            @Override
            public int keep() {
                return keep;
            }

            @Override
            public boolean scheduled() {
                return scheduled;
            }
        };
    }
}
