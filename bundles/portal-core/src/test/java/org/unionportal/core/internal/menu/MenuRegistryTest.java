package org.unionportal.core.internal.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.menu.MenuGroup;
import org.unionportal.api.security.Role;

class MenuRegistryTest {
    private static final List<MenuGroup> GROUPS = List.of(
            new MenuGroup("admin", "管理", "Admin", 40), new MenuGroup("services", "服务", "Services", 10));

    private static MenuRegistry.Contribution entry(String id, String group, int order, Role... roles) {
        return new MenuRegistry.Contribution(new MenuEntry(id, id, id, "list", id, "/modules/" + id + ".js", group, order, Set.of(roles)), 1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> group) {
        return ((List<Map<String, Object>>) group.get("entries")).stream().map(e -> (String) e.get("id")).toList();
    }

    @Test
    void showsOnlyWhatTheRolesMaySeeGroupedAndOrdered() {
        List<MenuRegistry.Contribution> entries = List.of(
                entry("m.b", "services", 20, Role.UNION_OPERATOR),
                entry("m.a", "services", 10),
                entry("m.admin", "admin", 1, Role.PLATFORM_ADMIN),
                entry("m.c", "services", 20, Role.MEMBER));
        List<Map<String, Object>> operator = MenuRegistry.buildMenu(GROUPS, entries, Set.of(Role.UNION_OPERATOR));
        assertEquals(1, operator.size());
        assertEquals("services", operator.get(0).get("key"));
        assertEquals(List.of("m.a", "m.b"), ids(operator.get(0)));

        List<Map<String, Object>> admin = MenuRegistry.buildMenu(GROUPS, entries, Set.of(Role.PLATFORM_ADMIN));
        assertEquals(List.of("services", "admin"), admin.stream().map(g -> g.get("key")).toList());
        assertEquals(List.of("m.a"), ids(admin.get(0)));
        assertEquals(List.of("m.admin"), ids(admin.get(1)));
    }

    @Test
    void entriesOfAnUnknownGroupStillShowAfterTheKnownOnes() {
        List<Map<String, Object>> menu = MenuRegistry.buildMenu(GROUPS,
                List.of(entry("x.y", "custom", 1), entry("m.a", "services", 1)), Set.of(Role.MEMBER));
        assertEquals(List.of("services", "custom"), menu.stream().map(g -> g.get("key")).toList());
    }

    @Test
    void noEntriesNoGroups() {
        assertEquals(List.of(), MenuRegistry.buildMenu(GROUPS, List.of(), Set.of(Role.PLATFORM_ADMIN)));
    }
}
