package org.unionportal.webconsole.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.unionportal.api.module.ModuleInfo;

/** Finds the portal modules that a feature brings. */
public final class ModuleMatcher {
    private ModuleMatcher() {
    }

    /**
     * The modules, in the given order, whose bundle is one of {@code bundles}; none when the feature is
     * not installed (a bundle may be shared with another, installed feature).
     */
    public static List<ModuleInfo> modulesOf(boolean featureInstalled, Collection<BundleView> bundles,
                                             Collection<ModuleInfo> modules) {
        if (!featureInstalled || modules == null || modules.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = bundles.stream().map(BundleView::id).filter(Objects::nonNull).collect(Collectors.toSet());
        return modules.stream().filter(m -> ids.contains(m.bundleId())).toList();
    }
}
