package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.Figure;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.module.PortalModules;
import org.unionportal.api.module.ModuleStatus;

class ModuleStatusPluginTest {

    static ModuleStatus status(String id, List<Figure> figures) {
        return new ModuleStatus() {
            @Override
            public String moduleId() {
                return id;
            }

            @Override
            public List<Figure> figures() {
                return figures;
            }
        };
    }

    static ModuleStatus failing(String id) {
        return new ModuleStatus() {
            @Override
            public String moduleId() {
                return id;
            }

            @Override
            public List<Figure> figures() {
                throw new IllegalStateException("database <down>");
            }
        };
    }

    private final ModuleStatusPlugin plugin = new ModuleStatusPlugin() {
        private static final long serialVersionUID = 1L;

        @Override
        public void log(int level, String message, Throwable t) {
            // the console's log service is not there in a unit test
        }
    };

    @Test
    void listsEveryRegisteredModuleByIdWithItsFiguresAndAFailingOneWithItsError() throws Exception {
        plugin.addStatus(status("mutual-aid", List.of(
                Figure.pending("claims.submitted", Text.of("待审核理赔", "Claims to review"), 3),
                Figure.money("payouts.paid", Text.of("已发放互助金", "Paid out"), 1_374_350))));
        plugin.addStatus(failing("hardship-aid"));
        ModuleInfo aidInfo = Fixtures.module("mutual-aid", 57);
        plugin.portalModules = Fixtures.proxy(PortalModules.class, (method, args) ->
                "module".equals(method) ? Optional.ofNullable("mutual-aid".equals(args[0]) ? aidInfo : null) : null);

        List<ModuleStatusView> views = plugin.views();
        assertEquals(List.of("hardship-aid", "mutual-aid"), views.stream().map(ModuleStatusView::moduleId).toList());
        assertEquals("database <down>", views.get(0).error());
        assertEquals("互助mutual-aid", views.get(1).nameZh(), "the name from the core's module registry");

        JsonNode root = new ObjectMapper().readTree(ModuleStatusRenderer.toJson(views));
        JsonNode aid = root.path("modules").get(1);
        assertEquals("claims.submitted", aid.path("figures").get(0).path("code").asText());
        assertEquals(3, aid.path("figures").get(0).path("value").asLong());
        assertTrue(aid.path("figures").get(0).path("pending").asBoolean());
        assertEquals("13743.50 元", aid.path("figures").get(1).path("text").asText());
        assertEquals("FEN", aid.path("figures").get(1).path("unit").asText());
        assertTrue(root.path("modules").get(0).path("figures").isEmpty());

        String html = ModuleStatusRenderer.toHtml(views, "/system/console/union-status.json");
        assertTrue(html.contains("待审核理赔 / Claims to review (待办 / pending)"), html);
        assertTrue(html.contains("database &lt;down&gt;"), html);
        assertFalse(html.contains("<down>"), html);
    }

    @Test
    void aModuleThatLeftIsNoLongerListed() {
        ModuleStatus aid = status("mutual-aid", List.of(Figure.count("plans", Text.of("项目", "Plans"), 4)));
        plugin.addStatus(aid);
        plugin.removeStatus(aid);
        assertTrue(plugin.views().isEmpty());
        assertTrue(ModuleStatusRenderer.toHtml(List.of(), "x").contains("No module reports figures"));
    }
}
