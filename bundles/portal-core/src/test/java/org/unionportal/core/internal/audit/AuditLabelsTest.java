package org.unionportal.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionportal.api.audit.AuditLabels;
import org.unionportal.api.i18n.Text;

/** The audit page's names come from the modules' labels, per module code, never from the core naming a module. */
class AuditLabelsTest {
    @Test
    void everyModulesLabelsAreAnsweredByModuleCodeWithThePortalsOwn() {
        List<Map<String, Object>> modules = AuditResource.namesOf(List.of(AuditLabels.of("z-module", Text.of("某模块", "Some module"),
                Map.of("thing", Text.of("事项", "Thing")), Map.of("DO", Text.of("办理", "Do"))), new PortalAuditLabels()));
        assertEquals(List.of("portal", "z-module"), modules.stream().map(m -> m.get("module")).toList());
        assertEquals(Text.of("某模块", "Some module"), modules.get(1).get("name"));
        assertEquals(Map.of("DO", Text.of("办理", "Do")), modules.get(1).get("actions"));
        assertEquals(Map.of(), modules.get(1).get("fields"));
        assertEquals(Text.of("功能开关", "Module switch"), ((Map<?, ?>) modules.get(0).get("recordTypes")).get("module-switch"));
    }
}
