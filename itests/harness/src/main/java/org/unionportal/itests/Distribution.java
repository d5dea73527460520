package org.unionportal.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Union Portal distribution, unpacked from the real tar.gz into a fresh folder under
 * {@code target/runs/} and run as {@code bin/karaf server} on free ports, with demo data and, when the
 * system property {@code itests.fixture} names the fixture jar, the fixture module registered (but not
 * installed) as a features repository Karaf adds at its first start. A module's own integration tests use it without the fixture and
 * put their module in with {@link #deployFeature}.
 *
 * <p>System properties (maven-failsafe-plugin sets them): {@code itests.distribution} the tar.gz,
 * {@code itests.distribution.folder} its top folder, {@code itests.work} where runs are unpacked;
 * optional {@code itests.fixture}, {@code itests.runsh} ({@link #configureLikeRunSh}),
 * {@code itests.postgresql} (a PostgreSQL server instead of embedded Derby).
 */
public final class Distribution {

    public static final String PASSWORD = "demo1234";
    public static final String FIXTURE_FEATURE = "union-fixture";
    public static final String FIXTURE_SYMBOLIC_NAME = "org.unionportal.fixture-module";

    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("itests.startTimeoutSeconds", 120)); // more on a loaded machine
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicBoolean CLEANED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Set<Integer> PORTS_HANDED_OUT = new HashSet<>();
    /** The hardship-aid batch horizon the tests run with (days; see {@link #configure()}). */
    public static final int BATCH_HORIZON_DAYS = 400;

    private final String name;
    private final Path home;
    private final Path consoleLog;
    private final Path clientHome;
    private final int httpPort;
    private final int sshPort;
    private final Api api;
    private Process process;
    private int starts;

    private Distribution(String name, Path home) throws IOException {
        this.name = name;
        this.home = home;
        this.consoleLog = home.resolve("portal-console.log");
        this.clientHome = home.resolve("client-home");
        this.httpPort = freePort();
        this.sshPort = freePort();
        configure();
        registerFixture();
        this.api = new Api(URI.create("http://127.0.0.1:" + httpPort));
    }

    /** Unpacks the distribution into a fresh folder (so a fresh data folder) and prepares it; does not start it. */
    private boolean demo = true;

    public static Distribution create(String name) {
        Path archive = Paths.get(property("itests.distribution"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The distribution archive " + archive + " does not exist; run "
                    + "'mvn verify' on the whole project (or build karaf-assembly first).");
        }
        String folder = System.getProperty("itests.distribution.folder", "union-portal-0.1.0-SNAPSHOT");
        Path work = Paths.get(System.getProperty("itests.work", "target/runs")).toAbsolutePath();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        Path runDir = work.resolve(name + "-" + stamp + "-" + RUNS.incrementAndGet());
        try {
            if (CLEANED.compareAndSet(false, true)) {
                deleteChildren(work); // the folders of earlier test runs
            }
            Files.createDirectories(runDir);
            run(List.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", runDir.toString()),
                    runDir, Duration.ofSeconds(120));
            Path home = runDir.resolve(folder);
            if (!Files.isRegularFile(home.resolve("bin/karaf"))) {
                // Not the expected top folder name: take the one folder that holds bin/karaf.
                try (var children = Files.list(runDir)) {
                    List<Path> homes = children.filter(d -> Files.isRegularFile(d.resolve("bin/karaf"))).toList();
                    if (homes.size() != 1) {
                        throw new IllegalStateException("The archive " + archive + " has no folder " + folder
                                + "/bin/karaf (found " + homes + ")");
                    }
                    home = homes.get(0);
                }
            }
            return new Distribution(name, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    public int sshPort() {
        return sshPort;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Api api() {
        return api;
    }

    /** Demo mode (the default) seeds the demo city; without it the first start creates only 'admin'. */
    public Distribution demo(boolean on) {
        this.demo = on;
        return this;
    }

    /** What bin/karaf printed on its console (stdout and stderr), every start appended. */
    public String consoleOutput() {
        try {
            return Files.readString(consoleLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    // ---------------------------------------------------------------------------------- setup

    private void configure() throws IOException {
        Path etc = home.resolve("etc");
        setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        // RMI / JMX ports, where the distribution has the management feature's configuration.
        Path management = etc.resolve("org.apache.karaf.management.cfg");
        if (Files.exists(management)) {
            setProperty(management, "rmiRegistryPort", String.valueOf(freePort()));
            setProperty(management, "rmiServerPort", String.valueOf(freePort()));
        }
        // Any other fixed listening port would clash between runs: make it visible at once.
        for (Path cfg : listCfg(etc)) {
            for (String line : Files.readAllLines(cfg, StandardCharsets.ISO_8859_1)) {
                Matcher m = Pattern.compile("^\\s*([\\w.\\-]*(?:Port|\\.port))\\s*[=:]\\s*(\\d{2,5})\\s*$").matcher(line);
                if (m.matches() && Integer.parseInt(m.group(2)) > 0) {
                    int port = Integer.parseInt(m.group(2));
                    if (port != httpPort && port != sshPort && !PORTS_HANDED_OUT.contains(port)) {
                        setProperty(cfg, m.group(1), String.valueOf(freePort()));
                    }
                }
            }
        }
        // Tests approve a household today and pay it in the next period of a kind (paid only from the day it is on
        // file), which may be due up to a year ahead: beyond the shipped horizon of 60 days, within this one.
        Path hardship = etc.resolve("org.unionportal.hardshipaid.cfg");
        if (Files.exists(hardship)) {
            setProperty(hardship, "batch.horizonDays", String.valueOf(BATCH_HORIZON_DAYS));
        }
        usePostgresqlIfAsked(etc);
        // bin/* lose their mode in some unpackers; tar keeps it, this is only a safety net.
        try (var files = Files.list(home.resolve("bin"))) {
            files.filter(Files::isRegularFile).forEach(f -> f.toFile().setExecutable(true));
        }
        Files.createDirectories(clientHome);
    }

    /**
     * With {@code -Ditests.postgresql=jdbc:postgresql://host:port/} (and {@code itests.postgresql.user},
     * {@code itests.postgresql.password}), every distribution gets a fresh PostgreSQL database of its own and
     * the shipped PostgreSQL datasource configuration, as the README's "Running on PostgreSQL" says; without
     * it, embedded Derby as shipped.
     */
    private void usePostgresqlIfAsked(Path etc) throws IOException {
        String server = System.getProperty("itests.postgresql", "").strip();
        if (server.isEmpty()) {
            return;
        }
        String base = server.endsWith("/") ? server : server + "/";
        String user = System.getProperty("itests.postgresql.user", "portal");
        String password = System.getProperty("itests.postgresql.password", "portal");
        String database = ("it_" + ProcessHandle.current().pid() + "_" + home.getParent().getFileName()) // the run folder: name, time, number
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(base + "postgres", user, password);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the database " + database + " on " + base + ": " + e.getMessage(), e);
        }
        Path cfg = etc.resolve("org.ops4j.datasource-portal.cfg");
        Files.copy(etc.resolve("org.ops4j.datasource-portal.cfg.postgresql"), cfg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        setProperty(cfg, "url", base + database);
        setProperty(cfg, "user", user);
        setProperty(cfg, "password", password);
    }

    private static List<Path> listCfg(Path etc) throws IOException {
        try (var files = Files.list(etc)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cfg")).sorted().toList();
        }
    }

    /**
     * Registers the fixture module's features repository (feature {@code union-fixture}, {@code install="manual"}: known,
     * not installed) as one of the repositories Karaf adds at its first start ({@code featuresRepositories} in
     * etc/org.apache.karaf.features.cfg). Not through {@code deploy/}: Karaf's features deployer would run a deployment of
     * its own at every fresh start, which rewrites the root requirements without a lock and drops a module installed
     * meanwhile ({@code ModuleConvergence} repairs that; the tests should not depend on the repair).
     */
    private void registerFixture() throws IOException {
        if (System.getProperty("itests.fixture", "").isBlank()) {
            return; // a module's own tests: no fixture
        }
        Path jar = Paths.get(property("itests.fixture"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The fixture bundle " + jar + " does not exist; build itests/fixture-module.");
        }
        Path fixtureDir = Files.createDirectories(home.resolve("fixture"));
        Path target = fixtureDir.resolve("fixture-module.jar");
        Files.copy(jar, target);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the integration tests: registers the test-only fixture module (not installed). -->
                <features xmlns="http://karaf.apache.org/xmlns/features/v1.6.0" name="union-fixture-features">
                  <feature name="%s" install="manual" description="Union Portal test fixture module">
                    <feature>union-portal</feature>
                    <bundle>%s</bundle>
                  </feature>
                </features>
                """.formatted(FIXTURE_FEATURE, target.toUri());
        Path repository = fixtureDir.resolve("union-fixture-features.xml");
        Files.writeString(repository, xml, StandardCharsets.UTF_8);
        addBootRepository(home.resolve("etc/org.apache.karaf.features.cfg"), repository.toUri().toString());
    }

    /** Puts {@code uri} first in the {@code featuresRepositories} of Karaf's features configuration (a continued line). */
    static void addBootRepository(Path featuresCfg, String uri) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(featuresCfg, StandardCharsets.ISO_8859_1));
        Pattern key = Pattern.compile("^(\\s*featuresRepositories\\s*[=:]\\s*)(.*)$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            if (m.matches()) {
                lines.set(i, m.group(1) + uri + (m.group(2).isBlank() ? "" : ", " + m.group(2)));
                Files.write(featuresCfg, lines, StandardCharsets.ISO_8859_1);
                return;
            }
        }
        throw new IllegalStateException("No featuresRepositories in " + featuresCfg);
    }

    /**
     * Writes what {@code ./run.sh} writes into a distribution before it starts it ({@code install = *} in
     * etc/org.unionportal.modules.cfg), by running {@code run.sh --configure-only <home>} itself. With
     * the demo mode every distribution has, the portal then starts exactly as {@code ./run.sh} starts it.
     */
    public Distribution configureLikeRunSh() {
        Path runSh = Paths.get(property("itests.runsh")).toAbsolutePath().normalize();
        try {
            run(List.of("bash", runSh.toString(), "--configure-only", home.toString()), runSh.getParent(),
                    Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until every module the distribution ships answers its platform administrator. */
    public void awaitShippedModules() {
        String admin = api().login("admin");
        for (String probe : List.of("/api/mutual-aid/plans", "/api/hardship-aid/households?size=1")) {
            Await.until(probe + " to answer 200 after install = *", Duration.ofSeconds(120),
                    () -> api().get(probe, admin), r -> r.status() == 200);
        }
    }

    /** The value of {@code install} in etc/org.unionportal.modules.cfg. */
    public String modulesCfgInstall() {
        try {
            for (String line : Files.readAllLines(home.resolve("etc/org.unionportal.modules.cfg"), StandardCharsets.ISO_8859_1)) {
                Matcher m = Pattern.compile("^\\s*install\\s*[=:]\\s*(.*?)\\s*$").matcher(line);
                if (m.matches()) {
                    return m.group(1);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code key = value} in a properties/cfg file, replacing an existing line or appending one. */
    static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1))
                : new ArrayList<>();
        Pattern pattern = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    static synchronized int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (PORTS_HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port");
    }

    // ---------------------------------------------------------------------------------- lifecycle

    /**
     * Starts {@code bin/karaf server} and waits until {@code /api/portal/health} answers 200 and
     * {@code /api/auth/me} answers an anonymous caller 401.
     */
    public synchronized void start() {
        launch();
        awaitHealthy();
    }

    /**
     * Starts {@code bin/karaf server} and returns at once, without a request: for tests of what the portal does
     * before anyone has called it (they await what they need, e.g. a line of the log).
     */
    public synchronized void launch() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("EXTRA_JAVA_OPTS", demo ? "-Dunionportal.demo=true" : "");
            env.put("JAVA_HOME", javaHome());
            env.remove("KARAF_OPTS");
            env.remove("JAVA_OPTS");
            Files.writeString(consoleLog, "==== start " + (++starts) + " at " + LocalDateTime.now() + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
            Process started = process;
            // Never leave a portal running behind a killed test JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (started.isAlive()) {
                    started.descendants().forEach(ProcessHandle::destroyForcibly);
                    started.destroyForcibly();
                }
            }, "stop-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + ": bin/karaf ended with exit code " + process.exitValue()
                        + " before the portal was healthy.\n" + diagnostics());
            }
            try {
                Api.Reply reply = api.get("/api/portal/health", null);
                if (reply.status() == 200) {
                    // Health is one resource of the application; the whiteboard adds the others one by one, so
                    // wait until the sign-in resources are there too (401 for an anonymous caller, not 404).
                    reply = api.get("/api/auth/me", null);
                    if (reply.status() == 401) {
                        return;
                    }
                }
                last = reply.status() + " " + abbreviate(reply.body(), 300);
            } catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            sleep(500);
        }
        throw new AssertionError(name + ": GET /api/portal/health did not answer 200 within "
                + START_TIMEOUT.toSeconds() + " s (last: " + last + ").\n" + diagnostics());
    }

    /** {@code bin/stop}, then waits for the process; destroys the process tree after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                try {
                    run(List.of(home.resolve("bin/stop").toString()), home, STOP_TIMEOUT);
                } catch (RuntimeException | IOException e) {
                    appendConsole("bin/stop failed: " + e);
                }
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    appendConsole("karaf did not stop within " + STOP_TIMEOUT.toSeconds() + " s: destroying it");
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            // The JVM may have been started as a child of the script.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            process = null;
        }
        awaitPortFree(httpPort, Duration.ofSeconds(15));
    }

    /** Stops and starts again on the same folder: data, configuration and sessions are kept. */
    public synchronized void restart() {
        stop();
        start();
    }

    private static void awaitPortFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return;
            } catch (IOException busy) {
                sleep(250);
            }
        }
    }

    private void appendConsole(String text) {
        try {
            Files.writeString(consoleLog, "==== " + text + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only diagnostics
        }
    }

    // ---------------------------------------------------------------------------------- shell

    /** The result of one {@code bin/client} call. */
    public record ShellResult(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0 && !output.contains("Error executing command")
                    && !output.contains("Command not found");
        }
    }

    /**
     * Runs one Karaf shell command over SSH as the portal's platform administrator:
     * {@code echo '<command>' | bin/client -a <sshPort> -u admin -p demo1234 -b}. Retries while SSH
     * is not up yet. Fails when the command reports an error.
     */
    public String shell(String command) {
        ShellResult result = shellResult(command);
        if (!result.ok()) {
            throw new AssertionError("Shell command '" + command + "' failed (exit " + result.exitCode() + "):\n"
                    + result.output());
        }
        return result.output();
    }

    /** Like {@link #shell(String)} but hands back a failing result instead of throwing. */
    public ShellResult shellResult(String command) {
        return shellResult(command, "admin", PASSWORD);
    }

    public ShellResult shellResult(String command, String user, String password) {
        return shellResult(command, user, password, 8);
    }

    /** Runs {@code command} as {@code user}; {@code attempts} 1 means no retry (e.g. to see a refusal). */
    public ShellResult shellResult(String command, String user, String password, int attempts) {
        ShellResult result = null;
        StringBuilder earlier = new StringBuilder();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(2000);
            }
            result = client(command, user, password);
            if (!looksLikeSshNotReady(result)) {
                break;
            }
            earlier.append("[attempt ").append(attempt).append(", exit ").append(result.exitCode()).append("] ")
                    .append(result.output().isBlank() ? "<no output>" : result.output().strip()).append('\n');
        }
        // a failure after a retry shows every attempt: an earlier one may have run the command already
        return result.ok() || earlier.isEmpty() ? result : new ShellResult(result.exitCode(), earlier + result.output());
    }

    private static boolean looksLikeSshNotReady(ShellResult result) {
        if (result.exitCode() == 0) {
            return false;
        }
        String out = result.output();
        return out.contains("Connection refused") || out.contains("ConnectException")
                || out.contains("Unable to connect") || out.contains("Failed to connect")
                || out.contains("Authentication failed") || out.contains("No more authentication methods")
                || out.contains("timed out") || out.isBlank();
    }

    private ShellResult client(String command, String user, String password) {
        try {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(),
                    "-a", String.valueOf(sshPort), "-h", "127.0.0.1", "-u", user, "-p", password, "-b")
                    .directory(home.toFile())
                    .redirectErrorStream(true);
            // A home of its own, so that the client's known_hosts never meets an old host key.
            String opts = "-Duser.home=" + clientHome;
            builder.environment().put("KARAF_OPTS", opts);
            builder.environment().put("EXTRA_JAVA_OPTS", opts);
            builder.environment().remove("JAVA_OPTS");
            builder.environment().put("JAVA_HOME", javaHome());
            Process client = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(client.getInputStream()));
            try (OutputStream in = client.getOutputStream()) {
                in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!client.waitFor(120, TimeUnit.SECONDS)) {
                client.descendants().forEach(ProcessHandle::destroyForcibly);
                client.destroyForcibly();
                return new ShellResult(-1, "bin/client timed out after 120 s running '" + command + "'\n"
                        + new String(out.getNow(new byte[0]), StandardCharsets.UTF_8));
            }
            String output = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            return new ShellResult(client.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("bin/client failed: " + e, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return ("<read failed: " + e + ">").getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------------------------- hot deployment

    /**
     * Hot-deploys a module as a developer does: its built features file (the one a module generated from
     * the archetype has at {@code target/feature/feature.xml}) into {@code deploy/}, with the bundle's
     * {@code mvn:} location replaced by the built jar, so that no repository is needed. Karaf installs the
     * feature within seconds; returns the deployed file (delete it, or {@code feature:uninstall}, to remove).
     */
    public Path deployFeature(Path featuresXml, String bundleLocation, Path jar) {
        try {
            String xml = Files.readString(featuresXml, StandardCharsets.UTF_8);
            if (!xml.contains(bundleLocation)) {
                throw new IllegalArgumentException(featuresXml + " does not name " + bundleLocation + ":\n" + xml);
            }
            Path deployed = Files.createDirectories(home.resolve("deploy"))
                    .resolve(jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-features.xml");
            Files.writeString(deployed, xml.replace(bundleLocation, jar.toAbsolutePath().toUri().toString()),
                    StandardCharsets.UTF_8);
            return deployed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------- fixture

    /** Whether the feature {@code union-fixture} is installed (asked through the shell). */
    public boolean fixtureInstalled() {
        return featureInstalled(FIXTURE_FEATURE);
    }

    /** Whether {@code feature} is installed (asked through the shell). */
    public boolean featureInstalled(String feature) {
        String out = shell("feature:list -i");
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(feature) + "\\s").matcher(out).find();
    }

    // ---------------------------------------------------------------------------------- modules

    /**
     * A module's feature for one test class: installed unless it is already, then waited for until the
     * platform administrator's GET {@code probePath} answers 200. Returns whether it was installed here, so
     * that the class uninstalls only what it installed ({@link #uninstallModule}).
     */
    public boolean installModule(String feature, String probePath) {
        boolean installedHere = false;
        if (!featureInstalled(feature)) {
            String out = shell("feature:install " + feature);
            if (out.contains("Error")) {
                throw new AssertionError("feature:install " + feature + ": " + out);
            }
            installedHere = true;
        }
        awaitModule(feature, probePath, 200);
        return installedHere;
    }

    /** {@code feature:uninstall}, then waits until GET {@code probePath} answers 404. */
    public void uninstallModule(String feature, String probePath) {
        shell("feature:uninstall " + feature);
        awaitModule(feature, probePath, 404);
    }

    private void awaitModule(String feature, String probePath, int status) {
        Api api = api();
        String admin = api.login("admin");
        Await.until(feature + "'s " + probePath + " to answer " + status, Await.MODULE_CHANGE,
                () -> api.get(probePath, admin), r -> r.status() == status);
    }

    /**
     * {@code feature:install union-fixture}. Karaf adds the fixture's features repository as it boots; this retries
     * for a while should the feature not be known yet.
     */
    public void installFixture() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ShellResult result;
        do {
            result = shellResult("feature:install " + FIXTURE_FEATURE);
            if (result.ok()) {
                return;
            }
            if (!result.output().contains("No matching features")) {
                break;
            }
            sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("feature:install " + FIXTURE_FEATURE + " failed (exit " + result.exitCode() + "):\n"
                + result.output() + "\n" + diagnostics());
    }

    public void uninstallFixture() {
        shell("feature:uninstall " + FIXTURE_FEATURE);
    }

    /** Leaves the fixture uninstalled, whatever the state was. */
    public void ensureFixtureUninstalled() {
        if (isRunning() && fixtureInstalled()) {
            uninstallFixture();
        }
    }

    // ---------------------------------------------------------------------------------- diagnostics

    /** The portal's JVM, by the pid Karaf writes to {@code karaf.pid} (etc/config.properties, karaf.pid.file). */
    public ProcessHandle jvm() {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " (karaf.pid of " + home + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the portal's log ends now: a mark for {@link #logSince}. */
    public long logMark() {
        try {
            Path log = home.resolve("data/log/karaf.log");
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the portal logged after {@code mark} (from {@link #logMark}); "" where nothing, or the log cannot be read. */
    public String logSince(long mark) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(home.resolve("data/log/karaf.log").toFile(), "r")) {
            long length = f.length();
            if (length <= mark) {
                return "";
            }
            byte[] tail = new byte[(int) (length - mark)];
            f.seek(mark);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String karafLogTail(int lines) {
        return tail(home.resolve("data/log/karaf.log"), lines);
    }

    public String diagnostics() {
        return "---- tail of " + home.resolve("data/log/karaf.log") + "\n" + karafLogTail(80)
                + "\n---- tail of " + consoleLog + "\n" + tail(consoleLog, 30);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "<" + file + " does not exist>";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String[] all = text.split("\n");
                StringBuilder b = new StringBuilder();
                for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                    b.append(all[i]).append('\n');
                }
                return b.toString();
            } catch (IOException again) {
                return "<cannot read " + file + ": " + again + ">";
            }
        }
    }

    // ---------------------------------------------------------------------------------- utilities

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + key + " is not set; run the tests through "
                    + "'mvn verify' (maven-failsafe-plugin sets it).");
        }
        return value;
    }

    static void run(List<String> command, Path dir, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome());
        Process p = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not end within " + timeout.toSeconds() + " s");
            }
            output.write(out.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(command + ": " + e, e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " ended with exit code " + p.exitValue() + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void deleteChildren(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The JDK running the tests also runs the portal (Java 17). */
    private static String javaHome() {
        String fromEnv = System.getenv("JAVA_HOME");
        if (fromEnv != null && Files.isExecutable(Paths.get(fromEnv, "bin", "java"))) {
            return fromEnv;
        }
        return System.getProperty("java.home");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    @Override
    public String toString() {
        return "Distribution[" + name + " at " + home + ", http " + httpPort + ", ssh " + sshPort + "]";
    }
}
