package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.module.PortalModules;

class UnionModulesPluginTest {
    private final Fixtures.Features features = new Fixtures.Features();
    private final UnionModulesPlugin plugin = new UnionModulesPlugin();

    @BeforeEach
    void setUp() {
        features.features.add(Fixtures.feature("union-portal", "0.1.0", "core", "mvn:org.unionportal/portal-core/0.1.0"));
        features.features.add(Fixtures.feature("webconsole", "4.4.10", "console"));
        features.features.add(Fixtures.feature("union-mutual-aid", "0.1.0", "互助", "mvn:org.example/aid/0.1.0",
                "mvn:org.example/aid-lib/0.1.0"));
        features.features.add(Fixtures.feature("union-fixture", "0.1.0", "fixture", "mvn:org.example/fixture/0.1.0"));
        features.installed.add("union-portal");
        features.installed.add("union-mutual-aid");
        plugin.featuresService = features.service();
        plugin.start(Fixtures.context(Map.of("mvn:org.example/aid/0.1.0", 57L, "mvn:org.unionportal/portal-core/0.1.0", 50L)));
    }

    private static PortalModules modules(ModuleInfo... modules) {
        return new PortalModules() {
            @Override
            public List<ModuleInfo> modules() {
                return List.of(modules);
            }

            @Override
            public java.util.Optional<ModuleInfo> module(String id) {
                return modules().stream().filter(m -> m.id().equals(id)).findFirst();
            }
        };
    }

    private JsonNode getJson() throws Exception {
        Fixtures.Request req = new Fixtures.Request();
        req.pathInfo = "/union-modules.json";
        Fixtures.Response resp = new Fixtures.Response();
        plugin.doGet(req.build(), resp.build());
        assertEquals(200, resp.status);
        assertEquals("application/json;charset=UTF-8", resp.contentType);
        return new ObjectMapper().readTree(resp.body());
    }

    @Test
    void jsonListsTheModuleFeaturesWithTheirBundlesAndModules() throws Exception {
        plugin.portalModules = modules(Fixtures.module("core-thing", 50), Fixtures.module("mutual-aid", 57));

        JsonNode root = getJson();

        assertTrue(root.get("coreAvailable").asBoolean());
        JsonNode list = root.get("features");
        assertEquals(2, list.size());
        assertEquals("union-fixture", list.get(0).get("name").asText());
        assertFalse(list.get(0).get("installed").asBoolean());
        assertEquals("NOT_INSTALLED", list.get(0).get("bundles").get(0).get("state").asText());
        assertEquals(0, list.get(0).get("modules").size());
        JsonNode aid = list.get(1);
        assertEquals("union-mutual-aid", aid.get("name").asText());
        assertTrue(aid.get("installed").asBoolean());
        assertEquals(57, aid.get("bundles").get(0).get("id").asLong());
        assertEquals("ACTIVE", aid.get("bundles").get(0).get("state").asText());
        assertEquals("bundle57", aid.get("bundles").get(0).get("symbolicName").asText());
        assertEquals("NOT_INSTALLED", aid.get("bundles").get(1).get("state").asText());
        assertEquals(1, aid.get("modules").size());
        assertEquals("mutual-aid", aid.get("modules").get(0).get("id").asText());
    }

    @Test
    void jsonWorksWithoutTheCore() throws Exception {
        JsonNode root = getJson();
        assertFalse(root.get("coreAvailable").asBoolean());
        assertEquals(2, root.get("features").size());
        assertEquals(0, root.get("features").get(1).get("modules").size());
    }

    @Test
    void pageRendersTheTable() throws Exception {
        Fixtures.Request req = new Fixtures.Request();
        req.params.put("status", "error");
        req.params.put("message", "<img src=x onerror=alert(1)>");
        Fixtures.Response resp = new Fixtures.Response();
        plugin.renderContent(req.build(), resp.build());
        String html = resp.body();
        assertTrue(html.contains("data-feature=\"union-mutual-aid\""));
        assertTrue(html.contains("data-feature=\"union-fixture\""));
        assertFalse(html.contains("union-portal"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("<img"));
    }

    private Fixtures.Response post(String action, String feature, String origin) throws Exception {
        Fixtures.Request req = new Fixtures.Request();
        req.headers.put("Host", "localhost:8181");
        if (origin != null) {
            req.headers.put("Origin", origin);
        }
        if (action != null) {
            req.params.put("action", action);
        }
        if (feature != null) {
            req.params.put("feature", feature);
        }
        Fixtures.Response resp = new Fixtures.Response();
        plugin.doPost(req.build(), resp.build());
        return resp;
    }

    @Test
    void installRedirectsBackWithAStatus() throws Exception {
        Fixtures.Response resp = post("install", "union-fixture", "http://localhost:8181");

        assertEquals(303, resp.status);
        assertEquals(List.of("installFeature union-fixture [NoAutoRefreshBundles]"), features.calls);
        String location = resp.headers.get("Location");
        assertTrue(location.startsWith("/system/console/union-modules?status=ok&message="), location);
        assertEquals("/system/console/union-modules?status=ok&message=已安装 union-fixture / Installed union-fixture",
                URLDecoder.decode(location, StandardCharsets.UTF_8));
    }

    @Test
    void uninstallFailureIsReportedWithoutStackTrace() throws Exception {
        features.failure = new Exception("Feature <union-mutual-aid> is busy");
        Fixtures.Response resp = post("uninstall", "union-mutual-aid", null);

        assertEquals(303, resp.status);
        assertEquals(List.of("uninstallFeature union-mutual-aid [NoAutoRefreshBundles]"), features.calls);
        String location = URLDecoder.decode(resp.headers.get("Location"), StandardCharsets.UTF_8);
        assertTrue(location.contains("status=error"), location);
        assertTrue(location.endsWith("卸载 union-mutual-aid 失败 / Uninstalling union-mutual-aid failed:"
                + " Feature <union-mutual-aid> is busy"), location);
    }

    @Test
    void onlyListedModuleFeaturesMayBeTouched() throws Exception {
        for (String feature : new String[] {"union-portal", "union-jaxrs", "webconsole", "union-nope", null}) {
            Fixtures.Response resp = post("install", feature, "http://localhost:8181");
            assertEquals(400, resp.status, String.valueOf(feature));
        }
        assertEquals(400, post("refresh", "union-fixture", null).status);
        assertEquals(400, post(null, "union-fixture", null).status);
        assertEquals(List.of(), features.calls);
    }

    @Test
    void crossOriginPostsAreRefused() throws Exception {
        Fixtures.Response resp = post("install", "union-fixture", "http://evil.example");
        assertEquals(403, resp.status);
        assertEquals(List.of(), features.calls);
    }

    @Test
    void postOnTheJsonAddressAnswersJson() throws Exception {
        Fixtures.Request req = new Fixtures.Request();
        req.pathInfo = "/union-modules.json";
        req.params.put("action", "install");
        req.params.put("feature", "union-fixture");
        Fixtures.Response resp = new Fixtures.Response();
        plugin.doPost(req.build(), resp.build());

        assertEquals(200, resp.status);
        JsonNode result = new ObjectMapper().readTree(resp.body());
        assertTrue(result.get("ok").asBoolean());
        assertEquals("install", result.get("action").asText());
        assertTrue(features.installed.contains("union-fixture"));

        req.params.put("feature", "union-portal");
        Fixtures.Response refused = new Fixtures.Response();
        plugin.doPost(req.build(), refused.build());
        assertEquals(400, refused.status);
        assertTrue(new ObjectMapper().readTree(refused.body()).has("error"));
    }

    @Test
    void jsonAddressIsRecognised() {
        Fixtures.Request req = new Fixtures.Request();
        assertFalse(UnionModulesPlugin.isJsonRequest(req.build()));
        req.pathInfo = "/union-modules.json";
        assertTrue(UnionModulesPlugin.isJsonRequest(req.build()));
        req.pathInfo = "/union-modules/x.json";
        assertFalse(UnionModulesPlugin.isJsonRequest(req.build()));
    }
}
