package org.unionportal.webconsole.internal;

import java.util.Comparator;
import java.util.List;
import org.unionportal.api.module.ModuleInfo;

/**
 * One union module feature as the page shows it.
 *
 * @param name        feature name, e.g. {@code union-mutual-aid}
 * @param version     feature version
 * @param description feature description, may be {@code null}
 * @param installed   whether the feature is installed
 * @param bundles     the feature's bundles with their current state
 * @param modules     the portal modules whose bundle belongs to this feature (only when installed)
 */
public record FeatureView(String name, String version, String description, boolean installed,
                          List<BundleView> bundles, List<ModuleInfo> modules) {

    public static final Comparator<FeatureView> ORDER =
            Comparator.comparing(FeatureView::name).thenComparing(f -> f.version() == null ? "" : f.version());

    public FeatureView {
        bundles = List.copyOf(bundles);
        modules = List.copyOf(modules);
    }
}
