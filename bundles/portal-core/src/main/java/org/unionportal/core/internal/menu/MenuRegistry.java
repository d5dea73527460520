package org.unionportal.core.internal.menu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.menu.MenuGroup;
import org.unionportal.api.security.Role;

/**
 * Tracks the {@link MenuEntry} and {@link MenuGroup} services of all bundles and builds each
 * user's menu: only the entries the user's roles may see, grouped and ordered.
 */
@Component(service = MenuRegistry.class)
public class MenuRegistry {
    private final Map<ServiceReference<MenuEntry>, Contribution> entries = new ConcurrentHashMap<>();
    private final Map<ServiceReference<MenuGroup>, MenuGroup> groups = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** An entry and the bundle that registered it. */
    public record Contribution(MenuEntry entry, long bundleId) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = MenuEntry.class)
    void addEntry(ServiceReference<MenuEntry> ref, MenuEntry entry) {
        entries.put(ref, new Contribution(entry, ref.getBundle() == null ? -1 : ref.getBundle().getBundleId()));
        changed(entry.id());
    }

    void removeEntry(ServiceReference<MenuEntry> ref) {
        Contribution removed = entries.remove(ref);
        changed(removed == null ? null : removed.entry().id());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = MenuGroup.class)
    void addGroup(ServiceReference<MenuGroup> ref, MenuGroup group) {
        groups.put(ref, group);
        changed(group.key());
    }

    void removeGroup(ServiceReference<MenuGroup> ref) {
        MenuGroup removed = groups.remove(ref);
        changed(removed == null ? null : removed.key());
    }

    /** Called with the id of what changed whenever an entry or group comes or goes. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    private void changed(String what) {
        listeners.forEach(l -> l.accept(what));
    }

    public List<Contribution> contributions() {
        return List.copyOf(entries.values());
    }

    /** The menu for a user with these roles. */
    public List<Map<String, Object>> menuFor(Set<Role> roles) {
        return menuFor(roles, c -> true);
    }

    /** The menu for a user with these roles, of the contributions {@code shown} lets through (e.g. not switched off). */
    public List<Map<String, Object>> menuFor(Set<Role> roles, Predicate<Contribution> shown) {
        return buildMenu(List.copyOf(groups.values()), contributions().stream().filter(shown).toList(), roles);
    }

    /** Pure: groups in order, each with its visible entries in order; empty groups left out. */
    public static List<Map<String, Object>> buildMenu(List<MenuGroup> groups, List<Contribution> contributions, Set<Role> roles) {
        Map<String, MenuGroup> byKey = new LinkedHashMap<>();
        groups.stream().sorted(Comparator.comparingInt(MenuGroup::order).thenComparing(MenuGroup::key))
                .forEach(g -> byKey.putIfAbsent(g.key(), g));
        Map<String, List<MenuEntry>> visible = new LinkedHashMap<>();
        contributions.stream().map(Contribution::entry).filter(e -> e.visibleTo(roles))
                .sorted(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::id))
                .forEach(e -> visible.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(e));
        // A group nobody registered still shows, after the known ones, under its key.
        visible.keySet().forEach(k -> byKey.putIfAbsent(k, new MenuGroup(k, k, k, Integer.MAX_VALUE)));
        List<Map<String, Object>> result = new ArrayList<>();
        for (MenuGroup group : byKey.values()) {
            List<MenuEntry> list = visible.get(group.key());
            if (list == null || list.isEmpty()) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("key", group.key());
            view.put("labelZh", group.labelZh());
            view.put("labelEn", group.labelEn());
            view.put("order", group.order());
            view.put("entries", list.stream().map(MenuRegistry::entryView).toList());
            result.add(view);
        }
        return result;
    }

    public static Map<String, Object> entryView(MenuEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("module", e.id().contains(".") ? e.id().substring(0, e.id().indexOf('.')) : e.id());
        view.put("labelZh", e.labelZh());
        view.put("labelEn", e.labelEn());
        view.put("icon", e.icon());
        view.put("route", e.route());
        view.put("page", e.page());
        view.put("group", e.group());
        view.put("order", e.order());
        view.put("requiredRoles", e.requiredRoles().stream().map(Enum::name).sorted().toList());
        return view;
    }
}
