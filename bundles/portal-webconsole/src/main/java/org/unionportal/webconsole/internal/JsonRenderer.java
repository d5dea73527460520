package org.unionportal.webconsole.internal;

import static org.unionportal.webconsole.internal.Escaping.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.security.Role;

/**
 * The page's data as JSON (served at {@code /system/console/union-modules.json}):
 * <pre>{@code
 * {"coreAvailable": true,
 *  "features": [{"name", "version", "description", "installed",
 *                "bundles": [{"location", "id", "symbolicName", "state"}],
 *                "modules": [{"id", "nameZh", "nameEn", "version", "bundleId", "symbolicName", "state",
 *                             "pagesBase", "restBases": [...],
 *                             "menuEntries": [{"id", "labelZh", "labelEn", "route", "group", "requiredRoles": [...]}]}]}]}
 * }</pre>
 */
public final class JsonRenderer {
    private JsonRenderer() {
    }

    public static String features(List<FeatureView> features, boolean coreAvailable) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"coreAvailable\":").append(coreAvailable).append(",\"features\":");
        array(out, features, f -> feature(out, f));
        return out.append('}').toString();
    }

    /** The answer to a POST on the {@code .json} address. */
    public static String result(String action, String feature, StatusMessage status) {
        return "{\"ok\":" + status.ok() + ",\"action\":" + json(action) + ",\"feature\":" + json(feature)
                + ",\"message\":" + json(status.text()) + "}";
    }

    public static String error(String message) {
        return "{\"error\":" + json(message) + "}";
    }

    private static void feature(StringBuilder out, FeatureView f) {
        out.append("{\"name\":").append(json(f.name()))
                .append(",\"version\":").append(json(f.version()))
                .append(",\"description\":").append(json(f.description()))
                .append(",\"installed\":").append(f.installed())
                .append(",\"bundles\":");
        array(out, f.bundles(), b -> bundle(out, b));
        out.append(",\"modules\":");
        array(out, f.modules(), m -> module(out, m));
        out.append('}');
    }

    private static void bundle(StringBuilder out, BundleView b) {
        out.append("{\"location\":").append(json(b.location()))
                .append(",\"id\":").append(b.id() == null ? "null" : b.id().toString())
                .append(",\"symbolicName\":").append(json(b.symbolicName()))
                .append(",\"state\":").append(json(b.state()))
                .append('}');
    }

    private static void module(StringBuilder out, ModuleInfo m) {
        out.append("{\"id\":").append(json(m.id()))
                .append(",\"nameZh\":").append(json(m.nameZh()))
                .append(",\"nameEn\":").append(json(m.nameEn()))
                .append(",\"version\":").append(json(m.version()))
                .append(",\"bundleId\":").append(m.bundleId())
                .append(",\"symbolicName\":").append(json(m.symbolicName()))
                .append(",\"state\":").append(json(m.state()))
                .append(",\"pagesBase\":").append(json(m.pagesBase()))
                .append(",\"restBases\":");
        array(out, m.restBases(), s -> out.append(json(s)));
        out.append(",\"menuEntries\":");
        array(out, m.menuEntries(), e -> menuEntry(out, e));
        out.append('}');
    }

    private static void menuEntry(StringBuilder out, MenuEntry e) {
        out.append("{\"id\":").append(json(e.id()))
                .append(",\"labelZh\":").append(json(e.labelZh()))
                .append(",\"labelEn\":").append(json(e.labelEn()))
                .append(",\"route\":").append(json(e.route()))
                .append(",\"group\":").append(json(e.group()))
                .append(",\"requiredRoles\":");
        array(out, roleNames(e), s -> out.append(json(s)));
        out.append('}');
    }

    /** The entry's required roles by name, in the order of {@link Role}. */
    static List<String> roleNames(MenuEntry e) {
        return e.requiredRoles().stream().sorted().map(Role::name).toList();
    }

    private static <T> void array(StringBuilder out, Collection<T> items, Consumer<T> item) {
        out.append('[');
        Iterator<T> it = items.iterator();
        while (it.hasNext()) {
            item.accept(it.next());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }
}
