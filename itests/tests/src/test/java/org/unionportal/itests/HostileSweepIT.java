package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.unionportal.itests.HostileCorpus.BodyRule;
import org.unionportal.itests.RouteSweep.Binding;
import org.unionportal.itests.RouteSweep.Route;

/**
 * The hostile sweep (issue 14, "Done when"): every REST route of every installed module (and the
 * core), every method, called by seven callers — nobody, a forged token, a logged-out token, a
 * member, a union operator (梁溪区), another district's staff (滨湖区) and the city's admin — with a
 * corpus generated from a seed ({@link HostileCorpus}): malformed and wrong-typed JSON, numbers past
 * {@code long}, impossible dates, 100,000-character strings, control characters and NUL, SQL and
 * script injection, path tricks, wrong content types, bodies over the limit, hostile query
 * parameters and headers (junk Accept-Language, huge cookies, a cross-origin Origin).
 *
 * <p>Every answer must be: no 5xx; an error is {@code application/problem+json} without HTML, an
 * exception's name, a stack trace or a Java class; its message in the one language Accept-Language
 * asks for; no data of a district the caller does not belong to (the names and ID numbers of records
 * seeded here in 梁溪区 and 滨湖区); {@code Cache-Control: no-store} and {@code nosniff} on every /api
 * answer; no CORS grant to a foreign origin. Afterwards nothing was booked by the hostile requests
 * (counts of enrolments, claims, batches and payouts unchanged where only refused requests were
 * sent), and money actions sent twice at the same moment (confirm a roster, record a group's
 * payment, approve a claim, create, approve and pay a payout batch) take effect once.
 *
 * <p>What stays safe for the other classes on the shared portal: signed-in callers send writes to
 * real records only as callers who are refused anyway (nobody, forged, logged out); everyone else
 * writes with hostile ids, or without ids with bodies of harmless values and one hostile field.
 * Sign-in and password routes get only unparseable bodies (a parsed one would count against the
 * per-address sign-in lock), and sign-out is not sent with a live token.
 *
 * <p>Deterministic: the seed is {@code itests.hostile.seed} (default 14); the corpus size per route
 * and signed-in caller {@code itests.hostile.cases} (default 5; raise it for deeper local runs).
 */
@ExtendWith(SharedPortal.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSweepIT {

    static final long SEED = Long.getLong("itests.hostile.seed", 14L);
    static final int CASES = Integer.getInteger("itests.hostile.cases", 5);
    /** Callers without a valid token are refused at the door: fewer cases each. */
    static final int CASES_REFUSED_AT_THE_DOOR = Math.max(1, CASES / 2);

    /** Routes whose effect needs no body, sent only by callers who cannot act (see the class comment). */
    static final Set<String> NOT_WITH_A_LIVE_TOKEN = Set.of("POST /api/auth/logout");
    /**
     * Public documents without personal data that mark themselves cacheable (SecurityHeadersFilter lets a resource set
     * its own Cache-Control): the API description and its viewer, and the empty roster template.
     */
    static final Set<String> CACHEABLE_PUBLIC = Set.of("GET /api/docs", "GET /api/docs/init.js", "GET /api/docs/swagger-ui-bundle.js",
            "GET /api/docs/swagger-ui.css", "GET /api/openapi.json", "GET /api/mutual-aid/enrolments/template");
    /** Routes where a parsed body is a counted sign-in attempt. */
    static final Set<String> UNPARSEABLE_ONLY = Set.of("POST /api/auth/login", "POST /api/accounts/password");

    /**
     * Findings the sweep makes as of this commit, "CHECK METHOD PATH": fix the owning code and remove the
     * line. The test fails when one is fixed or a new one appears.
     */
    static final Set<String> KNOWN_FINDINGS = Set.of();

    /** The codes of ProblemErrorHandler's answers to requests Jetty refuses while parsing. */
    static final Set<String> JETTY_REFUSALS = Set.of("request_malformed", "uri_too_long", "headers_too_large");

    /**
     * Whether Jetty (9.4, Pax Web 8) refused the request on its request line, before reading any header: a URI too long
     * (414, HttpParser) or a NUL ({@code %00}) in the path (400: HttpURI refuses it as the request line ends, and
     * the parser drops the rest of the buffer). Accept-Language is unknown there, so the only honest answer is in the
     * portal's default language, Chinese; every later refusal (an ambiguous path, headers too large) follows it.
     */
    static boolean refusedOnTheRequestLine(String code, HostileCorpus.Request request) {
        String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
        return code.equals("uri_too_long") || (code.equals("request_malformed") && path.toLowerCase(java.util.Locale.ROOT).contains("%00"));
    }

    /** Where a caller belongs: its answers must not show the other districts' records. */
    enum Scope { NONE, LIANGXI, BINHU, CITY }

    record Caller(String name, String token, Scope scope, boolean live) {
    }

    private Distribution portal;
    private Api api;
    private final List<String> installedHere = new ArrayList<>();
    private List<Route> routes;
    private JsonNode openApi;
    private final List<Caller> callers = new ArrayList<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private RouteSweep.Sightings cityView;
    /** Names and ID numbers of the records seeded in each district. */
    private final Map<Scope, Set<String>> secrets = new LinkedHashMap<>();
    private Map<String, Long> countsBefore;
    /** Findings: "CHECK METHOD PATH" → one example. */
    private final Map<String, String> findings = new TreeMap<>();
    /** Write routes that took a hostile request (2xx): their collections may change. */
    private final Set<String> accepted = new TreeSet<>();
    private int sent;
    /** Big bodies whose answer came while they were still being sent (see sendOrNote). */
    private int closedEarly;

    @BeforeAll
    void prepare(Distribution portal) {
        this.portal = portal;
        this.api = portal.api();
        installedHere.addAll(RouteSweep.installEveryModule(portal));
        for (String user : List.of("admin", "district", "operator", "member", "district2", "operator2")) {
            tokens.put(user, api.login(user));
        }
        routes = RouteSweep.awaitRoutes(api, tokens.get("admin"));
        openApi = api.get("/api/openapi.json", tokens.get("admin")).expect(200).json();
        seedTwoDistricts();
        cityView = RouteSweep.walk(api, routes, tokens.get("admin"));

        String loggedOut = api.login("member");
        api.post("/api/auth/logout", loggedOut, null).expect(204);
        callers.add(new Caller("anonymous", null, Scope.NONE, false));
        callers.add(new Caller("forged", "forged." + Long.toHexString(SEED) + "0".repeat(40), Scope.NONE, false));
        callers.add(new Caller("logged-out", loggedOut, Scope.NONE, false));
        callers.add(new Caller("member", tokens.get("member"), Scope.LIANGXI, true));
        callers.add(new Caller("operator", tokens.get("operator"), Scope.LIANGXI, true));
        callers.add(new Caller("district2", tokens.get("district2"), Scope.BINHU, true));
        callers.add(new Caller("admin", tokens.get("admin"), Scope.CITY, true));
        countsBefore = counts();
    }

    @AfterAll
    void uninstallWhatWasInstalledHere() {
        if (portal == null) {
            return;
        }
        for (String feature : installedHere) {
            portal.shell("feature:uninstall " + feature);
        }
    }

    // ------------------------------------------------------------------------------------ the sweep

    @Test
    @Order(1)
    void everyRouteAnswersHostileRequestsWithAProblemInOneLanguageAndNothingOfAnotherDistrict() {
        Map<String, Integer> perModule = new TreeMap<>();
        for (Route route : routes) {
            JsonNode operation = openApi.path("paths").path(route.path().substring("/api".length())).path(route.method().toLowerCase());
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            List<String> queryNames = new ArrayList<>();
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    queryNames.add(p.path("name").asText());
                }
            });
            List<Binding> bindings = route.takesParameters() ? RouteSweep.bindings(route, cityView) : List.of();
            Map<String, String> real = bindings.isEmpty() ? null : bindings.get(0).values();
            BodyRule rule = UNPARSEABLE_ONLY.contains(route.key()) ? BodyRule.UNPARSEABLE : BodyRule.ANY;
            for (Caller caller : callers) {
                if (caller.live() && NOT_WITH_A_LIVE_TOKEN.contains(route.key())) {
                    continue;
                }
                // real records are read by everyone, written only by callers refused at the door
                boolean mayUseRealIds = route.isRead() || !caller.live();
                int count = caller.live() ? CASES : CASES_REFUSED_AT_THE_DOOR;
                for (HostileCorpus.Request request : HostileCorpus.requests(SEED, route, caller.name(), count, real, mayUseRealIds,
                        schema.isMissingNode() ? null : HostileCorpus.resolve(schema, openApi.path("components")),
                        openApi.path("components"), queryNames, rule)) {
                    Api.Reply answer = sendOrNote(route, caller, request);
                    if (answer != null) {
                        check(route, caller, request, answer);
                    }
                    perModule.merge(route.module(), 1, Integer::sum);
                }
            }
            if (!route.isRead() && !route.method().equals("DELETE") && rule == BodyRule.ANY && !NOT_WITH_A_LIVE_TOKEN.contains(route.key())) {
                // one body over the limit per write route, by a caller who may write there
                Caller operator = callers.get(4);
                Map<String, String> headers = Map.of("Content-Type", "application/json", "Accept-Language", "en");
                Map<String, String> fake = new LinkedHashMap<>();
                route.parameters().forEach(p -> fake.put(p, "-1"));
                HostileCorpus.Request big = new HostileCorpus.Request(route.method(), route.fill(fake), headers, HostileCorpus.oversized(),
                        "en", "body over 1 MiB");
                Api.Reply answer = sendOrNote(route, operator, big);
                if (answer != null) {
                    check(route, operator, big, answer);
                }
            }
        }
        rawPathTricks();
        System.out.println("[HostileSweepIT] seed " + SEED + ", " + CASES + " cases a route and caller, " + sent + " requests (" + closedEarly
                + " big bodies answered before they were sent whole); per module "
                + perModule);
        System.out.println("[HostileSweepIT] write routes that took a hostile request: " + accepted);
        System.out.println("[HostileSweepIT] findings:\n  " + findings.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\",   // " + e.getValue()).collect(Collectors.joining("\n  ")));

        for (Route route : routes) {
            assertTrue(perModule.containsKey(route.module()), () -> "nothing of module " + route.module() + " was swept");
        }
        assertEquals(sorted(KNOWN_FINDINGS), sorted(findings.keySet()), () -> "findings changed; each with an example:\n  "
                + findings.entrySet().stream().map(e -> "\"" + e.getKey() + "\",   // " + e.getValue()).collect(Collectors.joining("\n  ")));
    }

    /** The answer, or null after noting a finding when the portal closed the connection without one. */
    private Api.Reply sendOrNote(Route route, Caller caller, HostileCorpus.Request request) {
        try {
            return send(request, caller);
        } catch (java.io.UncheckedIOException noAnswer) {
            if (request.body() != null && request.body().length > 16 * 1024) {
                // refused on its path or headers while the body was still being sent: the server closes the connection
                // after its answer, and the client, still writing, gets the reset instead of the answer (TCP drops it)
                closedEarly++;
                return null;
            }
            finding("NO_ANSWER " + route.method() + " " + route.path(), caller.name() + ": " + request.describe() + " -> "
                    + noAnswer.getMessage());
            return null;
        }
    }

    private Api.Reply send(HostileCorpus.Request request, Caller caller) {
        sent++;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base().toString().replaceAll("/$", "") + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::setHeader);
        if (caller.token() != null) {
            builder.setHeader("Authorization", "Bearer " + caller.token());
        }
        return api.send(builder.build(), request.method(), request.path());
    }

    private void check(Route route, Caller caller, HostileCorpus.Request request, Api.Reply answer) {
        String where = route.method() + " " + route.path();
        String example = caller.name() + ": " + request.describe() + " -> " + answer.status() + " "
                + Distribution.abbreviate(answer.body(), 300);
        int status = answer.status();
        if (status >= 500) {
            finding("5XX " + where, example);
        }
        if (status >= 200 && status < 300 && !route.isRead()) {
            accepted.add(route.key() + " (" + caller.name() + ")");
        }
        if (status >= 400) {
            if (!answer.isProblem()) {
                finding("NOT_PROBLEM " + where, example);
            }
            String internals = HostileCorpus.internalsProblem(answer.body());
            if (internals != null) {
                finding("INTERNALS " + where, internals + ": " + example);
            }
            if (answer.isProblem()) {
                String code = problemCode(answer);
                String language = languageProblem(answer, request, refusedOnTheRequestLine(code, request) ? "zh" : request.language());
                if (language != null && JETTY_REFUSALS.contains(code)) {
                    // one finding for all routes: Jetty answers these before the portal sees the request
                    finding("LANGUAGE Jetty's refusal " + code, language + ": " + example);
                } else if (language != null) {
                    finding("LANGUAGE " + where, language + ": " + example);
                }
            }
        }
        boolean stored = !answer.header("Cache-Control").orElse("").contains("no-store")
                && !(status < 300 && CACHEABLE_PUBLIC.contains(route.key()));
        if (stored || !answer.header("X-Content-Type-Options").orElse("").equals("nosniff")) {
            finding("HEADERS " + where, "Cache-Control '" + answer.header("Cache-Control").orElse("") + "', X-Content-Type-Options '"
                    + answer.header("X-Content-Type-Options").orElse("") + "': " + example);
        }
        String granted = answer.header("Access-Control-Allow-Origin").orElse("");
        if (granted.equals("*") || granted.equals(HostileCorpus.EVIL_ORIGIN)) {
            finding("CORS " + where, "Access-Control-Allow-Origin '" + granted + "': " + example);
        }
        Set<String> forbidden = forbiddenFor(caller.scope());
        Set<String> shown = HostileCorpus.shown(answer.body() + answer.headers().map(), forbidden);
        if (!shown.isEmpty()) {
            finding("LEAK " + where, "shows " + shown + ": " + example);
        }
    }

    private static String languageProblem(Api.Reply answer, HostileCorpus.Request request, String language) {
        JsonNode problem;
        try {
            problem = Api.JSON.readTree(answer.body());
        } catch (Exception notJson) {
            return "not JSON";
        }
        List<String> messages = new ArrayList<>();
        messages.add(problem.path("title").asText(""));
        messages.add(problem.path("detail").asText(""));
        problem.path("errors").forEach(e -> messages.add(e.path("message").asText("")));
        String echoed = java.net.URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8) + " " + request.path()
                + (request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8));
        for (String message : messages) {
            String why = HostileCorpus.languageProblem(message, language, echoed);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String problemCode(Api.Reply answer) {
        try {
            return Api.JSON.readTree(answer.body()).path("code").asText("");
        } catch (Exception notJson) {
            return "";
        }
    }

    /** The records a caller of this scope must never see. */
    private Set<String> forbiddenFor(Scope scope) {
        return switch (scope) {
            case CITY -> Set.of();
            case LIANGXI -> secrets.get(Scope.BINHU);
            case BINHU -> secrets.get(Scope.LIANGXI);
            case NONE -> union(secrets.get(Scope.LIANGXI), secrets.get(Scope.BINHU));
        };
    }

    private void finding(String key, String example) {
        findings.putIfAbsent(key, example);
    }

    /** Path tricks a client library would clean up, sent as they are under every module's prefix. */
    private void rawPathTricks() {
        Set<String> prefixes = new TreeSet<>();
        routes.forEach(r -> prefixes.add("/" + String.join("/", r.segments().subList(0, Math.min(2, r.segments().size())))));
        List<String> tricks = List.of("/..%2f..%2fportal%2fsystem%2froutes", "/%2e%2e/%2e%2e/portal/users", "/x%00y", "/..;/..;/portal/users",
                "//", "/%c0%ae%c0%ae/", "/.%2e/portal/users", "/%5c..%5c", "/%ZZ", "/;/");
        for (String prefix : prefixes) {
            for (String trick : tricks) {
                String line = "GET " + prefix + trick + " HTTP/1.1";
                String raw = raw(line);
                sent++;
                String where = "GET " + prefix + "/<path trick>";
                String example = line + " -> " + Distribution.abbreviate(raw, 400);
                if (raw.startsWith("HTTP/1.1 5")) {
                    finding("5XX " + where, example);
                }
                String lower = raw.toLowerCase(java.util.Locale.ROOT);
                if (!raw.startsWith("HTTP/1.1 2") && !lower.contains("content-type: application/problem+json")) {
                    finding("NOT_PROBLEM " + where, example);
                }
                String body = raw.contains("\r\n\r\n") ? raw.substring(raw.indexOf("\r\n\r\n")) : raw;
                String internals = raw.startsWith("HTTP/1.1 2") ? null : HostileCorpus.internalsProblem(body);
                if (internals != null) {
                    finding("INTERNALS " + where, internals + ": " + example);
                }
                Set<String> shown = HostileCorpus.shown(raw, forbiddenFor(Scope.LIANGXI));
                if (!shown.isEmpty()) {
                    finding("LEAK " + where, "shows " + shown + ": " + example);
                }
            }
        }
    }

    private String raw(String requestLine) {
        URI base = api.base();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nAccept-Language: en\r\nAuthorization: Bearer "
                    + tokens.get("member") + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(requestLine, e);
        }
    }

    // ------------------------------------------------------------------------------------ nothing booked twice

    @Test
    @Order(2)
    void hostileRequestsBookedNothing() {
        Map<String, Long> after = counts();
        Map<String, String> changed = new TreeMap<>();
        countsBefore.forEach((collection, before) -> {
            boolean tookAWrite = accepted.stream().anyMatch(a -> a.split(" ")[1].startsWith(collection.split("\\?")[0]));
            if (!tookAWrite && !before.equals(after.get(collection))) {
                changed.put(collection, before + " -> " + after.get(collection));
            }
        });
        assertTrue(changed.isEmpty(), () -> "refused hostile requests changed records: " + changed + "; accepted writes: " + accepted);
    }

    @Test
    @Order(3)
    void moneyActionsSentTwiceAtOnceTakeEffectOnce() throws Exception {
        if (routes.stream().noneMatch(r -> r.key().equals("POST /api/mutual-aid/payouts"))) {
            return; // mutual aid is not installed in this portal
        }
        String admin = tokens.get("admin");
        String district = tokens.get("district");
        String operator = tokens.get("operator");
        Map<String, Object> plan = MutualAidData.openPlan("RACE");
        plan.put("feeFen", 1_000);
        long planId = api.post("/api/mutual-aid/plans", admin, plan).expect(201).json().path("id").asLong();
        String idNumber = MutualAidData.idNumber(1984, 'F');
        String roster = MutualAidData.ROSTER_HEADER + "郑双," + idNumber + ",13900000017,女,在职职工,是,是\n";
        long uploadId = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=race.csv", operator,
                roster.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream")).expect(201).json()
                .path("uploadId").asLong();
        long enrolments = count("/api/mutual-aid/enrolments?size=1", admin);

        List<Api.Reply> confirms = twice(() -> api.post("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm", operator, null));
        assertOnce(confirms, 201, "confirm the same roster");
        assertEquals(enrolments + 1, count("/api/mutual-aid/enrolments?size=1", admin), "one enrolment for a roster of one");
        long batchId = confirms.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("batchId").asLong();

        assertOnce(twice(() -> api.post("/api/mutual-aid/enrolments/batches/" + batchId + "/payment", district, null)), 200,
                "record the group's payment");
        long enrolmentId = api.get("/api/mutual-aid/enrolments?batchId=" + batchId, operator).expect(200).json()
                .path("items").path(0).path("id").asLong();
        long claimId = api.post("/api/mutual-aid/claims", operator, MutualAidData.hospitalStay(enrolmentId,
                MutualAidData.today().minusDays(20), 2, 300_000, 100_000)).expect(201).json().path("id").asLong();
        api.post("/api/mutual-aid/claims/" + claimId + "/decision", district, Map.of("action", "START_REVIEW")).expect(200);
        assertOnce(twice(() -> api.post("/api/mutual-aid/claims/" + claimId + "/decision", district, Map.of("action", "APPROVE"))), 200,
                "approve the same claim");
        api.put("/api/mutual-aid/claims/" + claimId + "/payee", operator,
                Map.of("bankName", "中国工商银行无锡分行", "bankAccount", "6222020302001234567")).expect(200);

        long payouts = count("/api/mutual-aid/payouts", admin);
        List<Api.Reply> created = twice(() -> api.post("/api/mutual-aid/payouts", district, Map.of("claimIds", List.of(claimId))));
        assertOnce(created, 201, "a payout batch of the same claim");
        assertEquals(payouts + 1, count("/api/mutual-aid/payouts", admin), "one payout batch");
        long payoutId = created.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("id").asLong();
        assertOnce(twice(() -> api.post("/api/mutual-aid/payouts/" + payoutId + "/approve", admin, null)), 200, "approve the payout batch");
        String today = MutualAidData.today().toString();
        assertOnce(twice(() -> api.post("/api/mutual-aid/payouts/" + payoutId + "/result", district,
                Map.of("paidOn", today, "failed", List.of()))), 200, "pay the same payout batch");
        JsonNode claim = api.get("/api/mutual-aid/claims/" + claimId, admin).expect(200).json();
        assertEquals("PAID", claim.path("status").asText(), claim::toString);
    }

    /** The same call twice at the same moment. */
    private static List<Api.Reply> twice(Callable<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : futures) {
                replies.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One of the two took effect ({@code ok}); the other was refused with a problem (409), never a 5xx. */
    private static void assertOnce(List<Api.Reply> replies, int ok, String what) {
        long succeeded = replies.stream().filter(r -> r.status() == ok).count();
        assertEquals(1, succeeded, () -> what + " twice at once: " + replies);
        Api.Reply other = replies.stream().filter(r -> r.status() != ok).findFirst().orElseThrow();
        assertEquals(409, other.status(), () -> what + " twice at once, the second: " + other);
        other.assertProblem();
    }

    // ------------------------------------------------------------------------------------ seeds and counts

    /** A household and an insured person in each district, with names and ID numbers no other record has. */
    private void seedTwoDistricts() {
        secrets.put(Scope.LIANGXI, seed("operator", "梁"));
        secrets.put(Scope.BINHU, seed("operator2", "滨"));
    }

    private Set<String> seed(String operatorName, String mark) {
        String operator = tokens.get(operatorName);
        Set<String> data = new LinkedHashSet<>();
        String unique = uniqueHan();
        if (routes.stream().anyMatch(r -> r.key().equals("POST /api/hardship-aid/households"))) {
            Map<String, Object> application = ModuleRecords.hardshipApplication(mark + "溪扫描路" + unique + "号");
            @SuppressWarnings("unchecked")
            Map<String, Object> head = (Map<String, Object>) ((List<?>) application.get("members")).get(0);
            String name = "扫" + mark + unique;
            head.put("name", name);
            api.post("/api/hardship-aid/households", operator, application).expect(201);
            data.add(name);
            data.add((String) head.get("idNumber"));
            data.add((String) application.get("address"));
        }
        if (routes.stream().anyMatch(r -> r.key().equals("POST /api/mutual-aid/enrolments/uploads"))) {
            long planId = api.post("/api/mutual-aid/plans", tokens.get("admin"), MutualAidData.openPlan("HOSTILE")).expect(201)
                    .json().path("id").asLong();
            String name = "查" + mark + unique;
            String idNumber = MutualAidData.idNumber(1983, 'M');
            String roster = MutualAidData.ROSTER_HEADER + name + "," + idNumber + ",13900000016,男,在职职工,是,是\n";
            long uploadId = api.send("POST", "/api/mutual-aid/enrolments/uploads?planId=" + planId + "&fileName=hostile.csv", operator,
                    roster.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/octet-stream")).expect(201).json()
                    .path("uploadId").asLong();
            api.post("/api/mutual-aid/enrolments/uploads/" + uploadId + "/confirm", operator, null).expect(201);
            data.add(name);
            data.add(idNumber);
        }
        return data;
    }

    /** Four Chinese digits from the clock: names that no other test's record has. */
    private static String uniqueHan() {
        String digits = "零一二三四五六七八九";
        String n = Long.toString(System.nanoTime() % 10_000);
        StringBuilder out = new StringBuilder();
        for (char c : String.format("%4s", n).replace(' ', '0').toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }

    /** Collections whose size tells whether something was booked, as the city's admin counts them. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        String admin = tokens.get("admin");
        for (String path : List.of("/api/mutual-aid/enrolments?size=1", "/api/mutual-aid/enrolments/batches", "/api/mutual-aid/claims?size=1",
                "/api/mutual-aid/payouts", "/api/hardship-aid/batches", "/api/hardship-aid/households?size=1",
                "/api/hardship-aid/standards", "/api/portal/members?size=1")) {
            String route = "GET " + path.split("\\?")[0];
            if (routes.stream().anyMatch(r -> r.key().equals(route))) {
                counts.put(path, count(path, admin));
            }
        }
        return counts;
    }

    private long count(String path, String token) {
        JsonNode answer = api.get(path, token).expect(200).json();
        if (answer.has("total")) {
            return answer.path("total").asLong();
        }
        return answer.isArray() ? answer.size() : answer.path("items").size();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String sorted(Set<String> lines) {
        return String.join("\n", new TreeSet<>(lines));
    }
}
