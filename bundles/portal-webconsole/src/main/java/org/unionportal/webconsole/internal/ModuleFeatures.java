package org.unionportal.webconsole.internal;

import java.util.Set;

/**
 * Which features are union module features: every feature that declares the capability
 * {@value #CAPABILITY} (as the shipped modules do; {@code install = *} in
 * etc/org.unionportal.modules.cfg installs these), and every other {@code union-*} feature except
 * the platform's own (a module under development need not declare it).
 */
public final class ModuleFeatures {
    /** Name prefix of every Union Portal feature. */
    public static final String PREFIX = "union-";

    /** The platform features: shown nowhere on the page, never installed or uninstalled from it. */
    public static final Set<String> PLATFORM_FEATURES = Set.of("union-portal", "union-jaxrs", "union-persistence");

    /** Namespace of the capability a module feature declares: {@code org.unionportal.module;module=<id>}. */
    public static final String CAPABILITY = "org.unionportal.module";

    private ModuleFeatures() {
    }

    public static boolean isModuleFeature(String featureName, java.util.Collection<String> capabilities) {
        boolean declared = capabilities.stream().anyMatch(c -> c != null && c.split(";", 2)[0].strip().equals(CAPABILITY));
        return declared ? !PLATFORM_FEATURES.contains(featureName) : isModuleFeature(featureName);
    }

    public static boolean isModuleFeature(String featureName) {
        return featureName != null
                && featureName.startsWith(PREFIX)
                && featureName.length() > PREFIX.length()
                && !PLATFORM_FEATURES.contains(featureName);
    }
}
