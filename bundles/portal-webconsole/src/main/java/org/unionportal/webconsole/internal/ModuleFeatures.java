package org.unionportal.webconsole.internal;

import java.util.Set;

/** Which features are union module features: every {@code union-*} feature except the platform's own. */
public final class ModuleFeatures {
    /** Name prefix of every Union Portal feature. */
    public static final String PREFIX = "union-";

    /** The platform features: shown nowhere on the page, never installed or uninstalled from it. */
    public static final Set<String> PLATFORM_FEATURES =
            Set.of("union-portal", "union-jaxrs", "union-persistence", "union-all");

    private ModuleFeatures() {
    }

    public static boolean isModuleFeature(String featureName) {
        return featureName != null
                && featureName.startsWith(PREFIX)
                && featureName.length() > PREFIX.length()
                && !PLATFORM_FEATURES.contains(featureName);
    }
}
