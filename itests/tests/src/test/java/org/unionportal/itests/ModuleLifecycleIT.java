package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Installing and uninstalling a module at runtime: menu entries, REST resources, pages and module
 * list follow the feature, nothing else restarts, and the module's data survives; meanwhile every /api answer is JSON
 * or a problem, never CXF's HTML page while the whiteboard rebuilds the application.
 */
@ExtendWith(SharedPortal.class)
class ModuleLifecycleIT {

    private Distribution portal;
    private Api api;
    private ApiPoller poller;

    @BeforeEach
    void fixtureNotInstalled(Distribution portal) {
        this.portal = portal;
        this.api = portal.api();
        portal.ensureFixtureUninstalled();
    }

    @AfterEach
    void leaveFixtureUninstalled() {
        if (poller != null) {
            poller.stop(); // also when the test failed before it checked the answers: the portal is shared
        }
        portal.ensureFixtureUninstalled();
    }

    @Test
    void installUninstallAndInstallAgain() {
        String admin = api.login("admin");
        String operator = api.login("operator");
        String member = api.login("member");

        // Not installed: no entries, no REST resource.
        Await.until("the fixture's menu entries to be absent", Await.MODULE_CHANGE,
                () -> fixtureEntries(admin), List::isEmpty);
        api.get("/api/fixture/items", admin).expectProblem(404);
        Map<Long, Bundles.Bundle> before = Bundles.snapshot(api, admin);
        Bundles.assertActiveCore(before);
        assertTrue(before.values().stream().noneMatch(b -> b.symbolicName().equals(Distribution.FIXTURE_SYMBOLIC_NAME)),
                () -> "the fixture bundle is installed before feature:install: " + before);

        // Install, listening to the live events meanwhile.
        EventStream events = new EventStream(api, admin);
        assertEquals(200, events.status(), "GET /events");
        FeatureLog installLog = FeatureLog.mark(portal);
        portal.installFixture();
        Await.until("operator's menu to show fixture.items only", Await.MODULE_CHANGE,
                () -> fixtureEntries(operator), ids -> ids.equals(List.of("fixture.items")));
        Await.until("admin's menu to show fixture.items and fixture.admin", Await.MODULE_CHANGE,
                () -> fixtureEntries(admin).stream().sorted().toList(),
                ids -> ids.equals(List.of("fixture.admin", "fixture.items")));
        Await.until("member's menu to show fixture.mine only", Await.MODULE_CHANGE,
                () -> fixtureEntries(member), ids -> ids.equals(List.of("fixture.mine")));
        Await.until("GET /api/fixture/items to answer 200", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items", operator), r -> r.status() == 200);
        assertTrue(api.get("/api/fixture/items", operator).json().isArray());

        JsonNode module = Await.until("/api/portal/modules to list fixture with its REST base", Await.MODULE_CHANGE,
                () -> fixtureModule(admin), m -> m != null && texts(m.path("restBases")).contains("/api/fixture"));
        assertEquals("测试模块", module.path("nameZh").asText(), () -> "module: " + module);
        assertEquals("Fixture module", module.path("nameEn").asText(), () -> "module: " + module);
        assertEquals("ACTIVE", module.path("state").asText(), () -> "module: " + module);

        Await.until("the console page to show the fixture's figures", Await.MODULE_CHANGE,
                this::consoleModules, ids -> ids.contains("fixture"));

        Api.Reply page = api.get("/modules/fixture/items.js", null).expect(200);
        assertTrue(page.body().contains("export function mount"), () -> "items.js: " + page);
        assertTrue(page.contentType().contains("javascript"), () -> "items.js is not served as JavaScript: " + page);

        Map<Long, Bundles.Bundle> installed = Bundles.snapshot(api, admin);
        Bundles.assertNoOtherBundleRestarted(before, installed, "After feature:install " + Distribution.FIXTURE_FEATURE);
        assertNoOtherBundleTouched(installLog, "feature:install");
        Await.until("an 'event: modules' about fixture on /events", Await.MODULE_CHANGE,
                events::events, list -> list.stream().anyMatch(e -> e.name().equals("modules") && e.data().contains("fixture")));
        assertTrue(installed.values().stream().anyMatch(b -> b.symbolicName().equals(Distribution.FIXTURE_SYMBOLIC_NAME)
                && b.state().equals("ACTIVE")), () -> "the fixture bundle is not ACTIVE: " + installed);

        // Data.
        String title = "生命周期 " + UUID.randomUUID();
        JsonNode item = api.post("/api/fixture/items", operator, Map.of("title", title)).expect(201).json();
        long id = item.path("id").asLong();
        assertEquals(title, item.path("title").asText());
        api.get("/api/fixture/items/" + id, operator).expect(200);

        // Uninstall and install again while /api is asked over and over: the whiteboard rebuilds the application twice.
        poller = ApiPoller.start(api);

        // Uninstall.
        int eventsBefore = events.events().size();
        FeatureLog uninstallLog = FeatureLog.mark(portal);
        portal.uninstallFixture();
        Await.until("the fixture's menu entries to disappear (admin)", Await.MODULE_CHANGE,
                () -> fixtureEntries(admin), List::isEmpty);
        Await.until("the fixture's menu entries to disappear (member)", Await.MODULE_CHANGE,
                () -> fixtureEntries(member), List::isEmpty);
        Await.until("GET /api/fixture/items to answer 404", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items", operator), r -> r.status() == 404);
        api.get("/api/fixture/items/" + id, operator).expectProblem(404);
        Await.until("/api/portal/modules to drop fixture", Await.MODULE_CHANGE,
                () -> fixtureModule(admin) == null);
        Await.until("the console page to drop the fixture's figures", Await.MODULE_CHANGE,
                this::consoleModules, ids -> !ids.contains("fixture"));
        Api.Reply gonePage = api.get("/modules/fixture/items.js", null);
        assertEquals(404, gonePage.status(), () -> "the page of an uninstalled module is still served: " + gonePage);
        Bundles.assertNoOtherBundleRestarted(before, Bundles.snapshot(api, admin),
                "After feature:uninstall " + Distribution.FIXTURE_FEATURE);
        assertNoOtherBundleTouched(uninstallLog, "feature:uninstall");
        Await.until("an 'event: modules' about fixture leaving", Await.MODULE_CHANGE,
                () -> events.events().subList(eventsBefore, events.events().size()),
                list -> list.stream().anyMatch(e -> e.name().equals("modules") && e.data().contains("fixture")));
        // A restart of the core or of the web server would have ended the stream.
        assertFalse(events.ended(), "the /events stream ended during install and uninstall");
        events.close();

        // Install again: the item is still there.
        portal.installFixture();
        Api.Reply again = Await.until("the item to be back after the second install", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items/" + id, operator), r -> r.status() == 200);
        assertEquals(title, again.json().path("title").asText(), () -> "item after reinstall: " + again);
        Api.Reply list = api.get("/api/fixture/items", operator).expect(200);
        assertTrue(ids(list.json()).contains(id), () -> "the list after reinstall lacks item " + id + ": " + list);
        poller.assertEveryAnswerWasJson();
    }

    /**
     * Asks two /api addresses (readiness, and the fixture's list without a token) in a tight loop in a thread of its
     * own, with {@code Accept-Language: en} and without the harness' retry, until checked: while the whiteboard
     * rebuilds the application, an answer must still be JSON, a problem if not 2xx (503 {@code api_reloading} with
     * Retry-After in English only), never CXF's HTML "No service was found.".
     */
    private static final class ApiPoller {
        private record Answer(String path, int status, String contentType, String retryAfter, String body) {
        }

        private static final List<String> PATHS = List.of("/api/portal/ready", "/api/fixture/items");
        private final Api api;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build();
        private final List<Answer> odd = new CopyOnWriteArrayList<>();
        private final AtomicInteger asked = new AtomicInteger();
        private final AtomicInteger reloading = new AtomicInteger();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::poll, "module-lifecycle-api-poller");

        private ApiPoller(Api api) {
            this.api = api;
        }

        static ApiPoller start(Api api) {
            ApiPoller poller = new ApiPoller(api);
            poller.thread.setDaemon(true);
            poller.thread.start();
            return poller;
        }

        private void poll() {
            while (running) {
                for (String path : PATHS) {
                    ask(path);
                }
            }
        }

        private void ask(String path) {
            HttpRequest request = HttpRequest.newBuilder(api.base().resolve(path))
                    .timeout(java.time.Duration.ofSeconds(30)).header("Accept-Language", "en").GET().build();
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                asked.incrementAndGet();
                Answer a = new Answer(path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                        r.headers().firstValue("Retry-After").orElse(null), r.body());
                if (a.body.contains("\"code\":\"" + Api.RELOADING_CODE + "\"")) {
                    reloading.incrementAndGet();
                }
                if (!isExpected(a)) {
                    odd.add(a);
                }
            } catch (IOException e) {
                odd.add(new Answer(path, -1, "", null, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        /** JSON (readiness' own 503 is JSON too), a problem in English only, a 503 problem with Retry-After. */
        private static boolean isExpected(Answer a) {
            String type = a.contentType.toLowerCase(Locale.ROOT);
            if (a.body.contains("No service was found.") || a.body.toLowerCase(Locale.ROOT).contains("<html")) {
                return false;
            }
            if (type.startsWith("application/json")) {
                return true;
            }
            boolean chinese = a.body.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            return type.startsWith("application/problem+json") && !chinese && (a.status != 503 || a.retryAfter != null);
        }

        /** Stops asking (waits for the request under way). */
        void stop() {
            running = false;
            try {
                thread.join(java.time.Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void assertEveryAnswerWasJson() {
            stop();
            System.out.println("[ModuleLifecycleIT] " + asked.get() + " answers to " + PATHS + " during uninstall and install, "
                    + reloading.get() + " of them " + Api.RELOADING_CODE);
            assertTrue(asked.get() > 0, "no answer to " + PATHS + " during uninstall and install");
            assertTrue(odd.isEmpty(), () -> odd.size() + " of " + asked.get() + " answers during uninstall and install were "
                    + "not JSON, not a problem in English only, or CXF's HTML: " + odd.subList(0, Math.min(10, odd.size())));
        }
    }

    /** Karaf's own log of the operation: no bundle but the fixture was stopped, started or refreshed. */
    static void assertNoOtherBundleTouched(FeatureLog log, String operation) {
        List<FeatureLog.Action> others = log.actionsOnOthersThan(Distribution.FIXTURE_SYMBOLIC_NAME);
        assertTrue(others.isEmpty(), () -> operation + " stopped, started or refreshed other bundles: " + others);
    }

    private List<String> fixtureEntries(String token) {
        return api.menuEntryIds(token).stream().filter(id -> id.startsWith("fixture.")).toList();
    }

    private JsonNode fixtureModule(String token) {
        Api.Reply reply = api.get("/api/portal/modules", token).expect(200);
        for (JsonNode module : reply.json()) {
            if ("fixture".equals(module.path("id").asText())) {
                return module;
            }
        }
        return null;
    }

    /** The modules on the console page of module figures (api.module.ModuleStatus services). */
    private List<String> consoleModules() {
        JsonNode page = api.basic("GET", "/system/console/union-status.json", "admin", Distribution.PASSWORD, null, Map.of())
                .expect(200).json();
        return java.util.stream.StreamSupport.stream(page.path("modules").spliterator(), false)
                .map(m -> m.path("id").asText()).toList();
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<Long> ids(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asLong()).toList();
    }

    @Test
    void fixtureFeatureIsRegisteredButNotInstalled() {
        // the fixture's features repository is one Karaf adds as it first boots (featuresRepositories)
        Await.until("feature:list to know " + Distribution.FIXTURE_FEATURE, java.time.Duration.ofSeconds(60),
                () -> portal.shell("feature:list"), out -> out.contains(Distribution.FIXTURE_FEATURE));
        assertFalse(portal.fixtureInstalled(), "union-fixture is installed although it is install=\"manual\"");
    }
}
