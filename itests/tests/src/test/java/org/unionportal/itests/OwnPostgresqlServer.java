package org.unionportal.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server of one test's own, for faults that would break every other portal on CI's shared
 * server (stopping it, filling its disk). Made with the server binaries .ci/run uses (/usr/lib/postgresql/N/bin), in a
 * temporary folder, listening on a free port of 127.0.0.1, with the role {@code portal} (password {@code portal}) that
 * the harness's portals log in as. Run as the user {@code postgres} when the tests run as root. {@link #close} also
 * stops the portals made by {@link #newPortal} and unmounts what {@link #mountTmpfs} mounted, in that order.
 */
final class OwnPostgresqlServer implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final List<Distribution> portals = new ArrayList<>();
    private final List<Tmpfs> mounts = new ArrayList<>();

    private OwnPostgresqlServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** A new cluster, started; skips the test where no server binaries are installed. */
    static OwnPostgresqlServer startNew() throws IOException {
        Path bin = newestPostgresqlBin();
        Path dir = Files.createTempDirectory("union-it-pg-");
        OwnPostgresqlServer server = new OwnPostgresqlServer(bin, dir, Distribution.freePort());
        giveToPostgres(dir);
        run(List.of(bin.resolve("initdb").toString(), "-D", server.dataDirectory().toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), true);
        server.start();
        server.psql("CREATE ROLE portal LOGIN CREATEDB PASSWORD 'portal'");
        return server;
    }

    /** The cluster's folder (its WAL included), on the ordinary disk. */
    Path dataDirectory() {
        return dir.resolve("data");
    }

    /** The temporary folder of this server: its cluster, its log, whatever a test puts beside them. */
    Path folder() {
        return dir;
    }

    void start() throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
    }

    /** A clean shutdown: the portal's connections are closed by the server. */
    void stop() throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-m", "fast", "-w", "stop"), true);
    }

    /** Runs {@code sql} as the superuser on the database {@code postgres}. */
    void psql(String sql) throws IOException {
        Distribution.run(List.of(bin.resolve("psql").toString(), "-q", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql), dir, Duration.ofSeconds(60));
    }

    /**
     * Runs {@code sql} as the superuser on {@code database} in a psql of its own, in the background: for a transaction
     * that holds a lock while a test looks at what waits for it. Ends when its SQL ends or the server stops.
     */
    Process psqlInBackground(String database, String sql) throws IOException {
        return new ProcessBuilder(bin.resolve("psql").toString(), "-q", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true)
                .redirectOutput(dir.resolve("background-psql.log").toFile()).start();
    }

    /** The first column of the first row {@code sql} gives on {@code database} ("" for no row), as the superuser. */
    String queryValue(String database, String sql) {
        try {
            Process psql = new ProcessBuilder(bin.resolve("psql").toString(), "-At", "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!psql.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || psql.exitValue() != 0) {
                throw new IllegalStateException("psql " + sql + ": " + out);
            }
            return out.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A distribution configured as bin/run.sh configures it, whose portal database is a fresh database on this server
     * (the harness makes it as in CI); not started. Stopped by {@link #close}.
     */
    Distribution newPortal(String name) {
        String shared = System.getProperty("itests.postgresql");
        System.setProperty("itests.postgresql", "jdbc:postgresql://127.0.0.1:" + port + "/");
        try {
            Distribution portal = Distribution.create(name).configureLikeRunSh();
            portals.add(portal);
            return portal;
        } finally {
            if (shared == null) {
                System.clearProperty("itests.postgresql");
            } else {
                System.setProperty("itests.postgresql", shared);
            }
        }
    }

    /** The name of the portal database a distribution made by {@link #newPortal} uses (the end of its URL). */
    static String databaseOf(Distribution portal) throws IOException {
        String cfg = Files.readString(portal.home().resolve("etc/org.ops4j.datasource-portal.cfg"), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?m)^\\s*url\\s*=\\s*jdbc:postgresql://[^/]+/(\\w+)\\s*$").matcher(cfg);
        if (!m.find()) {
            throw new IllegalStateException("no PostgreSQL url in the portal's datasource configuration:\n" + cfg);
        }
        return m.group(1);
    }

    /** Stops the server at once, whatever it is doing (nothing when it is stopped already). */
    void stopNow() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory().toString(), "-m", "immediate", "stop"), true);
        } catch (RuntimeException | IOException alreadyStopped) {
            // stopped by the test
        }
    }

    /** A tmpfs of {@code size} in this server's folder, owned by the server's user (for a tablespace). Unmounted by {@link #close}. */
    Tmpfs mountTmpfs(String name, String size) {
        Tmpfs tmpfs = Tmpfs.mount(dir.resolve(name), size, "mode=0700");
        mounts.add(tmpfs);
        giveToPostgres(tmpfs.path());
        return tmpfs;
    }

    private static void giveToPostgres(Path path) {
        if (Commands.run("chown", "postgres", path.toString()) != 0) {
            throw new IllegalStateException("cannot give " + path + " to the user postgres");
        }
    }

    /** Stops the portals made here, stops the server at once, unmounts its tmpfs and removes its files. */
    @Override
    public void close() throws IOException {
        try {
            for (Distribution portal : portals) {
                portal.stop();
            }
        } finally {
            stopNow();
            mounts.forEach(Tmpfs::close);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Distribution.run(full, Paths.get("/tmp"), Duration.ofSeconds(120));
    }

    private static Path newestPostgresqlBin() throws IOException {
        Path root = Paths.get("/usr/lib/postgresql");
        Assumptions.assumeTrue(Files.isDirectory(root), "no PostgreSQL server binaries in /usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }
}
