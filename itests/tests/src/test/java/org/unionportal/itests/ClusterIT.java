package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Three portal nodes of the built distribution on one PostgreSQL database, behind haproxy on 127.0.0.1
 * (round-robin, no stickiness, health check on {@code /api/portal/ready}), as README "Running several nodes" says.
 * Runs only in the PostgreSQL pass ({@code -Ditests.postgresql=...}) and where haproxy is installed.
 */
@EnabledIfSystemProperty(named = "itests.postgresql", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int NODES = 3;
    /** Within how long another node must have heard of a logout (PostgreSQL notifications; the poll is 1 s). */
    private static final Duration NOTIFIED = Duration.ofSeconds(3);
    private static final Pattern SENT = Pattern.compile("Notification (\\d+) \\(mutual-aid COVER_ENDING\\)");

    private static final List<Distribution> nodes = new ArrayList<>();
    private static Process haproxy;
    private static Path haproxyDir;
    private static Api balancer;

    @BeforeAll
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES) // three portals at once on two cores
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")) || onPath("haproxy"), "haproxy is not installed");
        for (int i = 0; i < NODES; i++) {
            Distribution node = Distribution.create("cluster-" + i).configureLikeRunSh();
            // behind a balancer every client has its address: the per-address limit is the balancer's (README)
            Distribution.setProperty(node.home().resolve("etc/org.unionportal.core.cfg"), "login.failuresPerAddress", "0");
            nodes.add(node);
        }
        // one database for all: the first node's (the harness made one per node)
        Path first = nodes.get(0).home().resolve("etc/org.ops4j.datasource-portal.cfg");
        String url = property(first, "url");
        for (Distribution node : nodes.subList(1, NODES)) {
            Distribution.setProperty(node.home().resolve("etc/org.ops4j.datasource-portal.cfg"), "url", url);
        }
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::start)).toArray(CompletableFuture[]::new)).join();
        for (Distribution node : nodes) {
            node.awaitShippedModules();
        }
        startHaproxy();
    }

    @AfterAll
    static void stopCluster() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        nodes.parallelStream().forEach(Distribution::stop);
    }

    @Test
    @Order(1)
    void nodesStartedTogetherSeededTheDemoOnce() {
        String admin = balancer.login("admin");
        JsonNode plans = balancer.get("/api/mutual-aid/plans", admin).expect(200).json();
        long codes = java.util.stream.StreamSupport.stream(plans.spliterator(), false).map(p -> p.path("code").asText()).distinct().count();
        assertEquals(codes, plans.size(), () -> "the demo plans twice: " + plans);
        JsonNode me = balancer.get("/api/mutual-aid/me", balancer.login("member")).expect(200).json();
        int demoYear = MutualAidData.today().minusDays(200).getYear();
        long covers = java.util.stream.StreamSupport.stream(me.path("enrolments").spliterator(), false)
                .filter(e -> "WX-3IN1".equals(e.path("planCode").asText())
                        && LocalDate.parse(e.path("coverStart").asText()).getYear() == demoYear).count();
        assertEquals(1, covers, () -> "the demo member's cover seeded " + covers + " times: " + me);
    }

    @Test
    @Order(2)
    void aClaimFiledAndDecidedThroughTheBalancerIsSeenAtOnceOnEveryNode() {
        String member = balancer.login("member");
        String district = balancer.login("district");
        JsonNode enrolment = demoCover(balancer.get("/api/mutual-aid/me", member).expect(200).json());
        int year = LocalDate.parse(enrolment.path("coverStart").asText()).getYear();
        String queue = "/api/mutual-aid/claims?status=SUBMITTED&size=5";
        long queued = nodes.get(0).api().get(queue, district).expect(200).json().path("total").asLong();
        for (Distribution node : nodes) {
            node.api().get(queue, district).expect(200); // each node now keeps the page
            node.api().get(queue, district).expect(200);
        }
        long id = balancer.post("/api/mutual-aid/claims", member,
                MutualAidData.hospitalStay(enrolment.path("id").asLong(), LocalDate.of(year, 8, 3), 3, 900_000, 300_000))
                .expect(201).json().path("id").asLong();
        for (Distribution node : nodes) {
            JsonNode page = node.api().get(queue, district).expect(200).json();
            assertEquals(queued + 1, page.path("total").asLong(), () -> node.name() + " kept an old page: " + page);
            assertEquals(id, page.path("items").get(0).path("id").asLong(), () -> node.name() + ": " + page);
        }
        balancer.post("/api/mutual-aid/claims/" + id + "/decision", district, Map.of("action", "START_REVIEW")).expect(200);
        balancer.post("/api/mutual-aid/claims/" + id + "/decision", district, Map.of("action", "APPROVE")).expect(200);
        for (Distribution node : nodes) {
            assertEquals("APPROVED", node.api().get("/api/mutual-aid/claims/" + id, district).expect(200).json().path("status").asText(),
                    node.name());
            assertEquals(queued, node.api().get(queue, district).expect(200).json().path("total").asLong(),
                    () -> node.name() + " still lists the claim as SUBMITTED");
        }
    }

    @Test
    @Order(3)
    void aLogoutOnOneNodeHoldsOnEveryNode() {
        String token = nodes.get(0).api().login("operator");
        for (Distribution node : nodes) {
            node.api().get("/api/auth/me", token).expect(200); // checked, so kept by every node
        }
        nodes.get(0).api().post("/api/auth/logout", token, null).expect(204);
        for (Distribution node : nodes) {
            Await.until(node.name() + " to refuse the logged-out token", NOTIFIED,
                    () -> node.api().get("/api/auth/me", token).status() == 401);
        }
    }

    @Test
    @Order(4)
    void theLoginThrottleCountsEveryNodesFailures() {
        for (int i = 0; i < 5; i++) { // LoginThrottle.FREE_FAILURES, spread over the nodes by the balancer
            assertEquals(401, balancer.login("checker", "wrong-" + i).status());
        }
        for (Distribution node : nodes) {
            assertEquals(429, node.api().login("checker", Distribution.PASSWORD).status(), () -> node.name() + " let a sixth try in");
        }
    }

    @Test
    @Order(5)
    void aModuleUninstalledOnOneNodeGoesFromAllAndComesBack() {
        String admin = balancer.login("admin");
        String probe = "/api/hardship-aid/households?size=1";
        for (Distribution node : nodes) {
            // Karaf's own list too: the features deployer's deployment at start can drop a module's requirement,
            // which the portal requires again at once (else feature:uninstall answers "not installed")
            Await.until(node.name() + " to list hardship aid as installed", Duration.ofSeconds(60),
                    () -> node.featureInstalled("union-hardship-aid"));
        }
        nodes.get(1).shell("feature:uninstall union-hardship-aid");
        for (Distribution node : nodes) {
            Await.until(node.name() + " to drop hardship aid", Duration.ofSeconds(60), () -> node.api().get(probe, admin).status() == 404);
        }
        nodes.get(2).shell("feature:install union-hardship-aid");
        for (Distribution node : nodes) {
            Await.until(node.name() + " to serve hardship aid again", Duration.ofSeconds(60),
                    () -> node.api().get(probe, admin).status() == 200);
        }
    }

    @Test
    @Order(6)
    void remindersAreSentOnceInTheCluster() {
        // the schedule's scan ran on the node holding the lease (perhaps before the demo was seeded); then every
        // node scans once more by hand, one after the other: the outbox keeps each reminder once
        String admin = balancer.login("admin");
        int queued = 0;
        int schedulesThatQueued = 0;
        for (Distribution node : nodes) {
            Matcher m = Pattern.compile("Reminders: queued (\\d+) cover-ending reminders").matcher(karafLog(node));
            boolean any = false;
            while (m.find()) {
                queued += Integer.parseInt(m.group(1));
                any = true;
            }
            schedulesThatQueued += any ? 1 : 0;
        }
        assertTrue(schedulesThatQueued <= 1, schedulesThatQueued + " nodes' schedules queued reminders");
        for (Distribution node : nodes) {
            queued += node.api().post("/api/mutual-aid/reminders/scan-cover-ending", admin, null).expect(200).json().path("queued").asInt();
        }
        int expected = queued;
        assertTrue(expected > 0, "the demo has covers ending soon");
        Map<String, Integer> sends = Await.until(expected + " reminders to be sent", Duration.ofSeconds(60),
                ClusterIT::reminderSends, s -> s.size() >= expected);
        sends.forEach((id, times) -> assertEquals(1, times, () -> "reminder " + id + " sent " + times + " times: " + sends));
        assertEquals(expected, sends.size(), () -> "sent: " + sends);
    }

    @Test
    @Order(7)
    void aKilledNodeLosesNoCommittedWorkAndTheOthersGoOn() throws Exception {
        String member = balancer.login("member");
        String district = balancer.login("district");
        JsonNode enrolment = demoCover(balancer.get("/api/mutual-aid/me", member).expect(200).json());
        int year = LocalDate.parse(enrolment.path("coverStart").asText()).getYear();
        List<Long> committed = new ArrayList<>();
        int failed = 0;
        Distribution victim = nodes.get(2);
        for (int i = 0; i < 12; i++) {
            if (i == 4) {
                killNine(victim);
            }
            Api.Reply r = balancer.post("/api/mutual-aid/claims", member,
                    MutualAidData.hospitalStay(enrolment.path("id").asLong(), LocalDate.of(year, 9, 1).plusDays(2L * i), 1, 200_000, 0));
            if (r.status() == 201) {
                committed.add(r.json().path("id").asLong());
            } else {
                failed++;
                assertTrue(i >= 4 && i < 8 && (r.status() == 502 || r.status() == 503), () -> "while a node died: " + r);
            }
        }
        assertTrue(committed.size() >= 12 - 2, "the survivors did not go on serving: " + failed + " failed");
        for (long id : committed) {
            for (Distribution node : nodes.subList(0, 2)) {
                node.api().get("/api/mutual-aid/claims/" + id, district).expect(200);
            }
        }
        victim.start();
        for (long id : committed) {
            victim.api().get("/api/mutual-aid/claims/" + id, district).expect(200);
        }
        Await.until("haproxy to take " + victim.name() + " back", Duration.ofSeconds(30), () -> serverUp("n2"));
    }

    @Test
    @Order(8)
    void aRollingRestartGivesNo5xx() throws Exception {
        String admin = balancer.login("admin");
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                try {
                    Api.Reply r = balancer.get("/api/mutual-aid/claims?size=5", admin);
                    statuses.merge(r.status(), 1, Integer::sum);
                    if (r.status() != 200) {
                        failures.add(r.toString());
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        });
        for (int i = 0; i < NODES; i++) {
            String server = "n" + i;
            // as an operator would: drain the node at the balancer, restart it, let the health check take it back
            haproxyCommand("set server portal/" + server + " state drain");
            Await.until(server + " to have no request in flight", Duration.ofSeconds(10), () -> serverIdle(server));
            nodes.get(i).restart();
            haproxyCommand("set server portal/" + server + " state ready");
            Await.until("haproxy to take " + server + " back", Duration.ofSeconds(30), () -> serverUp(server));
        }
        running.set(false);
        load.join();
        assertTrue(failures.isEmpty(), () -> "during the rolling restart " + statuses + ": " + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(statuses.getOrDefault(200, 0) > 0, "no request went through");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static JsonNode demoCover(JsonNode me) {
        int demoYear = MutualAidData.today().minusDays(200).getYear();
        for (JsonNode e : me.path("enrolments")) {
            if ("WX-3IN1".equals(e.path("planCode").asText()) && LocalDate.parse(e.path("coverStart").asText()).getYear() == demoYear) {
                return e;
            }
        }
        throw new AssertionError("no WX-3IN1 cover of " + demoYear + " in " + me.path("enrolments"));
    }

    /** How often each cover-ending reminder was handed to the (logging) SMS sender, over every node's log. */
    private static Map<String, Integer> reminderSends() {
        Map<String, Integer> sends = new HashMap<>();
        for (Distribution node : nodes) {
            Matcher m = SENT.matcher(karafLog(node));
            while (m.find()) {
                sends.merge(m.group(1), 1, Integer::sum);
            }
        }
        return sends;
    }

    private static String karafLog(Distribution node) {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(node.home().resolve("data/log"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("karaf.log")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.toString();
    }

    /** {@code kill -9} of the node's Java process (found by its home folder on the command line). */
    private static void killNine(Distribution node) {
        String home = node.home().toString();
        List<ProcessHandle> java = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("java")).orElse(false)).toList();
        assertTrue(!java.isEmpty(), "no Java process of " + home);
        java.forEach(ProcessHandle::destroyForcibly);
        Await.until(node.name() + " to be gone", Duration.ofSeconds(20), () -> java.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static void startHaproxy() throws IOException {
        haproxyDir = nodes.get(0).home().getParent().resolveSibling("haproxy-" + ProcessHandle.current().pid());
        Files.createDirectories(haproxyDir);
        int port = freePort();
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            servers.append("    server n").append(i).append(" 127.0.0.1:").append(nodes.get(i).httpPort())
                    .append(" check inter 500ms fall 2 rise 2\n");
        }
        // the example of README "Running several nodes", on test ports
        String cfg = """
                global
                    stats socket %s mode 600 level admin
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend portal
                    bind 127.0.0.1:%d
                    default_backend portal
                backend portal
                    balance roundrobin
                    option httpchk GET /api/portal/ready
                    http-check expect status 200
                %s""".formatted(haproxyDir.resolve("admin.sock"), port, servers);
        Files.writeString(haproxyDir.resolve("haproxy.cfg"), cfg, StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder("haproxy", "-f", haproxyDir.resolve("haproxy.cfg").toString(), "-db")
                .redirectErrorStream(true).redirectOutput(haproxyDir.resolve("haproxy.log").toFile()).start();
        Process started = haproxy;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        balancer = new Api(URI.create("http://127.0.0.1:" + port));
        for (int i = 0; i < NODES; i++) {
            String server = "n" + i;
            Await.until("haproxy to see " + server + " up", Duration.ofSeconds(30), () -> serverUp(server));
        }
    }

    private static boolean serverUp(String server) {
        return serverStat(server, "status").startsWith("UP");
    }

    private static boolean serverIdle(String server) {
        return "0".equals(serverStat(server, "scur"));
    }

    /** A field of {@code show stat} for one server of the backend. */
    private static String serverStat(String server, String field) {
        String csv;
        try {
            csv = haproxyCommand("show stat");
        } catch (IOException e) {
            return "";
        }
        String[] lines = csv.split("\n");
        if (lines.length == 0) {
            return "";
        }
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
        int column = header.indexOf(field);
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells.length > column && column >= 0 && "portal".equals(cells[0]) && server.equals(cells[1])) {
                return cells[column];
            }
        }
        return "";
    }

    private static String haproxyCommand(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(haproxyDir.resolve("admin.sock")));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            StringBuilder out = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                out.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return out.toString();
        }
    }

    private static String property(Path cfg, String key) throws IOException {
        for (String line : Files.readAllLines(cfg, StandardCharsets.ISO_8859_1)) {
            Matcher m = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:]\\s*(.*)$").matcher(line);
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        throw new IllegalStateException(key + " not in " + cfg);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
