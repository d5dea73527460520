package org.unionportal.core.internal.modules;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Installed features whose bundles are not all running once the framework has started everything it was going to
 * start. Karaf saves its state (the feature installed and to be started) after installing a feature's bundles and
 * before starting them, and does not finish the job at the next start: a process killed in between (power cut,
 * {@code kill -9}) comes back with a module listed as installed and its bundles stopped, so its pages and REST
 * resources never appear and {@code feature:install} says it is installed already.
 */
final class UnstartedFeatures {
    private UnstartedFeatures() {
    }

    /**
     * @param bundlesToStart every installed feature's own bundles that it starts (locations; no dependencies, no
     *                       {@code start="false"})
     * @param running        the locations of the bundles that are active or starting, and of fragments (never started)
     * @return the installed features with such a bundle missing or not running
     */
    static Set<String> of(Map<String, ? extends Collection<String>> bundlesToStart, Set<String> running) {
        Set<String> unstarted = new TreeSet<>();
        bundlesToStart.forEach((feature, locations) -> {
            if (!running.containsAll(locations)) {
                unstarted.add(feature);
            }
        });
        return unstarted;
    }
}
