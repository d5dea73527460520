package org.unionportal.webconsole.internal;

import java.util.List;
import java.util.function.Function;
import org.unionportal.api.module.ModuleInfo;

/** Builds a {@link FeatureView} from what the features service and the framework say. */
public final class FeatureViews {
    private FeatureViews() {
    }

    /**
     * @param locations the feature's bundle locations
     * @param lookup    finds the bundle installed at a location ({@link BundleView#notInstalled} if none)
     * @param modules   every module the portal core knows, empty when the core is not there
     */
    public static FeatureView of(String name, String version, String description, boolean installed,
                                 List<String> locations, Function<String, BundleView> lookup,
                                 List<ModuleInfo> modules) {
        List<BundleView> bundles = locations.stream().map(lookup).toList();
        return new FeatureView(name, version, description, installed, bundles,
                ModuleMatcher.modulesOf(installed, bundles, modules));
    }
}
