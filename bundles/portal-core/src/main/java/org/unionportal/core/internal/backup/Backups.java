package org.unionportal.core.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.time.PortalTime;

/**
 * Online backups of the embedded Derby database ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}, consistent while the
 * portal serves) into folders {@code portal-<yyyyMMdd-HHmmss>} of the configured directory, each with the database
 * folder {@code portal/} and a copy of {@code etc/}. A backup is written under {@code <name>.partial} and renamed when
 * complete, so an interrupted one is never taken for a backup. On PostgreSQL the portal makes no backups: pg_dump
 * does (README, "Backups and restore"), and {@link #supported()} says so.
 */
@Component(service = Backups.class, configurationPid = Backups.PID)
@Designate(ocd = Backups.Config.class)
public class Backups {
    public static final String PID = "org.unionportal.backup";
    static final String PREFIX = "portal-";
    private static final String PARTIAL = ".partial";
    private static final Pattern FINISHED = Pattern.compile("portal-\\d{8}-\\d{6}(-\\d+)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    @ObjectClassDefinition(name = "Union Portal backups", description = "Online backups of the embedded Derby database")
    public @interface Config {
        @AttributeDefinition(description = "Where backups are written; relative to the portal's folder (karaf.home)")
        String directory() default "backups";

        @AttributeDefinition(description = "Daily backup at this time (HH:mm, Asia/Shanghai)")
        String time() default "02:30";

        @AttributeDefinition(description = "When above 0: a backup every so many minutes instead of daily")
        long intervalMinutes() default 0;

        @AttributeDefinition(description = "How many finished backups the scheduled job keeps (the oldest go)")
        int keep() default 7;

        @AttributeDefinition(description = "false: no scheduled backups (portal:backup still works)")
        boolean scheduled() default true;
    }

    /** A finished backup. */
    public record Backup(String name, Path folder, Instant at, long bytes) {
    }

    /** The last backup this process attempted (or the newest found on disk at start): when, and how it went. */
    public record LastRun(Instant at, boolean ok, String name, String error) {
    }

    /** Asked on PostgreSQL: the portal does not back that up itself. */
    public static final class NotOnThisDatabase extends RuntimeException {
        NotOnThisDatabase(String database) {
            super("The portal backs up only embedded Derby; this portal runs on " + database + ": use pg_dump");
        }
    }

    /** The backup itself failed (disk full, folder not writable, the database refused). */
    public static final class BackupFailed extends RuntimeException {
        BackupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final PortalDatabase db;
    private final Clock clock;
    private volatile Path directory;
    private volatile LastRun last;

    @Activate
    public Backups(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db, Config config) {
        this(db, Clock.systemUTC(), config);
    }

    Backups(PortalDatabase db, Clock clock, Config config) {
        this.db = db;
        this.clock = clock;
        modified(config);
        this.last = newestOnDisk().map(b -> new LastRun(b.at(), true, b.name(), null)).orElse(null);
    }

    @Modified
    void modified(Config config) {
        String home = System.getProperty("karaf.home", ".");
        this.directory = Paths.get(home).resolve(config.directory().strip()).toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** Whether this portal's database is one the portal backs up itself (embedded Derby). */
    public boolean supported() {
        return "derby".equals(db.dialect().name());
    }

    public String databaseName() {
        return db.dialect().name();
    }

    public Optional<LastRun> last() {
        return Optional.ofNullable(last);
    }

    /**
     * For health: {@code status} OK (the last backup succeeded), FAILED, NONE (never backed up) or EXTERNAL (PostgreSQL:
     * pg_dump, outside the portal), and {@code last}, the time of the last attempt (Asia/Shanghai, ISO 8601).
     */
    public java.util.Map<String, Object> summary() {
        java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
        LastRun run = last;
        summary.put("status", !supported() ? "EXTERNAL" : run == null ? "NONE" : run.ok() ? "OK" : "FAILED");
        if (run != null) {
            summary.put("last", run.at().atZone(PortalTime.ZONE).toOffsetDateTime().toString());
        }
        return summary;
    }

    /** Backs the database up now, while the portal keeps serving; one backup at a time in this process. */
    public synchronized Backup backupNow() {
        if (!supported()) {
            throw new NotOnThisDatabase(databaseName());
        }
        Instant started = clock.instant();
        String name = freeName(PREFIX + LocalDateTime.ofInstant(started, PortalTime.ZONE).format(STAMP));
        Path partial = directory.resolve(name + PARTIAL);
        try {
            Files.createDirectories(partial);
            String target = partial.toString();
            // the waiting variant: it lets an unlogged operation in progress (an index build) finish first
            db.read(c -> {
                try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                    call.setString(1, target);
                    call.execute();
                }
                return null;
            });
            copyEtc(partial.resolve("etc"));
            Path done = directory.resolve(name);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            Backup backup = new Backup(name, done, started, sizeOf(done));
            last = new LastRun(started, true, name, null);
            LOG.info("Backup {} written to {} ({} bytes, {} ms)", name, done, backup.bytes(),
                    Duration.between(started, clock.instant()).toMillis());
            return backup;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            String message = rootMessage(e);
            last = new LastRun(started, false, name, message);
            LOG.error("Backup {} into {} failed: {}", name, directory, message, e);
            throw new BackupFailed(message, e);
        }
    }

    /** The finished backups, newest first. */
    public List<Backup> list() {
        List<Backup> backups = new ArrayList<>();
        for (Path folder : finishedFolders()) {
            try {
                backups.add(new Backup(folder.getFileName().toString(), folder, Files.getLastModifiedTime(folder).toInstant(), sizeOf(folder)));
            } catch (IOException e) {
                // removed meanwhile
            }
        }
        backups.sort(Comparator.comparing(Backup::name).reversed());
        return backups;
    }

    /** Deletes the finished backups beyond the newest {@code keep}, and partial ones left by a crash; their names. */
    public synchronized List<String> prune(int keep) {
        List<String> names = finishedFolders().stream().map(p -> p.getFileName().toString()).toList();
        List<String> deleted = new ArrayList<>();
        for (String name : new BackupPlan(null, null, keep).toDelete(names)) {
            deleteQuietly(directory.resolve(name));
            deleted.add(name);
        }
        // backupNow is synchronized too, so a partial folder seen here is a leftover of a crash
        try (Stream<Path> children = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            children.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList().forEach(Backups::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", directory, e.toString());
        }
        if (!deleted.isEmpty()) {
            LOG.info("Backups deleted (keeping the newest {}): {}", keep, deleted);
        }
        return deleted;
    }

    private Optional<Backup> newestOnDisk() {
        return list().stream().findFirst();
    }

    private List<Path> finishedFolders() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isDirectory).filter(p -> FINISHED.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String freeName(String base) {
        String name = base;
        for (int n = 1; Files.exists(directory.resolve(name)) || Files.exists(directory.resolve(name + PARTIAL)); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** The configuration beside the data: what a restore needs besides the database (datasource, modules). */
    private static void copyEtc(Path target) throws IOException {
        String etc = System.getProperty("karaf.etc");
        if (etc == null || !Files.isDirectory(Paths.get(etc))) {
            return;
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Paths.get(etc))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static long sizeOf(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete {}: {}", folder, e.toString());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
