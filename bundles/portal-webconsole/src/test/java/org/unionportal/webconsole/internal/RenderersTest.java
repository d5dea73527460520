package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static final String ROOT = "/system/console/union-modules";

    private static List<FeatureView> sample() {
        FeatureView installed = new FeatureView("union-mutual-aid", "0.1.0", "互助 <b>\"aid\"</b> ${x}", true,
                List.of(new BundleView("mvn:org.example/aid/0.1.0", 57L, "org.example.aid", "ACTIVE")),
                List.of(Fixtures.module("mutual-aid", 57)));
        FeatureView available = new FeatureView("union-<evil>", "1.0", null, false,
                List.of(BundleView.notInstalled("mvn:org.example/evil/1.0")), List.of());
        return List.of(installed, available);
    }

    @Test
    void theUninstallQuestionSaysWhatGoesAndWhatStays() {
        String question = HtmlRenderer.uninstallQuestion("union-hardship-aid");
        assertTrue(question.startsWith("卸载 union-hardship-aid？"), question);
        for (String part : new String[] {"菜单项", "REST 接口", "页面", "数据保留", "重新安装", "menu entries", "REST resources",
                "pages", "no other bundle is restarted", "data stays", "installing it again"}) {
            assertTrue(question.contains(part), part + " missing in: " + question);
        }
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonRenderer.features(sample(), true));

        assertTrue(root.get("coreAvailable").asBoolean());
        JsonNode aid = root.get("features").get(0);
        assertEquals("union-mutual-aid", aid.get("name").asText());
        assertEquals("0.1.0", aid.get("version").asText());
        assertEquals("互助 <b>\"aid\"</b> ${x}", aid.get("description").asText());
        assertTrue(aid.get("installed").asBoolean());
        assertEquals(57, aid.get("bundles").get(0).get("id").asLong());
        assertEquals("ACTIVE", aid.get("bundles").get(0).get("state").asText());
        assertEquals("mvn:org.example/aid/0.1.0", aid.get("bundles").get(0).get("location").asText());
        JsonNode module = aid.get("modules").get(0);
        assertEquals("mutual-aid", module.get("id").asText());
        assertEquals("互助mutual-aid", module.get("nameZh").asText());
        assertEquals("Mutual aid mutual-aid", module.get("nameEn").asText());
        assertEquals(57, module.get("bundleId").asLong());
        assertEquals("/api/mutual-aid", module.get("restBases").get(0).asText());
        assertEquals("/modules/mutual-aid/", module.get("pagesBase").asText());
        JsonNode entry = module.get("menuEntries").get(0);
        assertEquals("mutual-aid.home", entry.get("id").asText());
        assertEquals("首页<mutual-aid>", entry.get("labelZh").asText());
        assertEquals("[\"PLATFORM_ADMIN\",\"MEMBER\"]", entry.get("requiredRoles").toString());

        JsonNode evil = root.get("features").get(1);
        assertEquals("union-<evil>", evil.get("name").asText());
        assertTrue(evil.get("description").isNull());
        assertFalse(evil.get("installed").asBoolean());
        assertTrue(evil.get("bundles").get(0).get("id").isNull());
        assertEquals("NOT_INSTALLED", evil.get("bundles").get(0).get("state").asText());
        assertEquals(0, evil.get("modules").size());
    }

    @Test
    void emptyJson() throws Exception {
        assertEquals("{\"coreAvailable\":false,\"features\":[]}", JsonRenderer.features(List.of(), false));
        JsonNode result = new ObjectMapper().readTree(JsonRenderer.result("install", "union-x",
                StatusMessage.success("install", "union-x")));
        assertTrue(result.get("ok").asBoolean());
        assertEquals("union-x", result.get("feature").asText());
    }

    @Test
    void htmlEscapesEverythingAndOffersTheRightButtons() {
        String html = HtmlRenderer.page(sample(), true, null, null, ROOT);

        assertFalse(html.contains("<evil>"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("${"), html);
        assertTrue(html.contains("union-&lt;evil&gt;"));
        assertTrue(html.contains("首页&lt;mutual-aid&gt; (mutual-aid.home) — PLATFORM_ADMIN, MEMBER"));
        assertTrue(html.contains("互助mutual-aid / Mutual aid mutual-aid"));
        assertTrue(html.contains("/api/mutual-aid"));
        assertTrue(html.contains("[57] org.example.aid <span class=\"bundle-state\">ACTIVE</span>"));
        assertTrue(html.contains("mvn:org.example/evil/1.0 <span class=\"bundle-state\">NOT_INSTALLED</span>"));
        assertTrue(html.contains("<form method=\"post\" action=\"" + ROOT + "\" class=\"union-uninstall\" data-confirm=\""
                + Escaping.html(HtmlRenderer.uninstallQuestion("union-mutual-aid"))
                + "\" onsubmit=\"return window.confirm(this.getAttribute('data-confirm'))\"><input type=\"hidden\" name=\"action\""
                + " value=\"uninstall\"><input type=\"hidden\" name=\"feature\" value=\"union-mutual-aid\">"), html);
        // Only an uninstall asks first.
        assertEquals(1, html.split("data-confirm=", -1).length - 1, html);
        assertTrue(html.contains("value=\"install\"><input type=\"hidden\" name=\"feature\" value=\"union-&lt;evil&gt;\">"));
        assertTrue(html.contains("卸载 / Uninstall"));
        assertTrue(html.contains("安装 / Install"));
        assertTrue(html.contains("共 2 个模块功能，已安装 1 个 / 2 module features, 1 installed"));
        assertFalse(html.contains("union-modules-core"));
    }

    @Test
    void htmlShowsStatusErrorsAndMissingCore() {
        StatusMessage failed = StatusMessage.failure("install", "union-x",
                new IllegalStateException("Unable to resolve <root>: missing ${requirement}"));
        String html = HtmlRenderer.page(List.of(), false, failed, null, ROOT);
        assertTrue(html.contains("ui-state-error"));
        assertTrue(html.contains("安装 union-x 失败 / Installing union-x failed: Unable to resolve &lt;root&gt;:"
                + " missing &#36;{requirement}"), html);
        assertTrue(html.contains("门户核心未运行"));
        assertTrue(html.contains("没有工会模块功能 / No union module features"));

        String broken = HtmlRenderer.page(List.of(), true, null, "boom <x>", ROOT);
        assertTrue(broken.contains("无法列出功能 / Cannot list features: boom &lt;x&gt;"));
    }

    @Test
    void statusMessagesTravelThroughTheQuery() {
        StatusMessage ok = StatusMessage.success("uninstall", "union-x");
        assertEquals("已卸载 union-x / Uninstalled union-x", ok.text());
        assertTrue(ok.toQuery().startsWith("status=ok&message="));
        assertEquals(ok, StatusMessage.fromParameters("ok", ok.text()));
        assertFalse(StatusMessage.fromParameters("error", "x").ok());
        assertFalse(StatusMessage.fromParameters("whatever", "x").ok());
        assertNull(StatusMessage.fromParameters("ok", null));
        assertNull(StatusMessage.fromParameters("ok", " "));
        String longText = "x".repeat(5000);
        assertEquals(StatusMessage.MAX_LENGTH + 1, new StatusMessage(false, longText).text().length());
        assertEquals("卸载 union-y 失败 / Uninstalling union-y failed: NullPointerException",
                StatusMessage.failure("uninstall", "union-y", new NullPointerException()).text());
    }
}
