package org.unionportal.core.internal.modules;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module features a node has, from Karaf's list and from the framework's bundles. They differ when Karaf lost
 * a module's requirement while its bundles stayed: Karaf's feature deployer (a features XML dropped into
 * {@code deploy/}) reads the root requirements, and writes them back with its own feature added, without a lock; a
 * module installation that finishes in between is dropped from the requirements (and from
 * {@code listInstalledFeatures}) though its bundles go on serving. Such a module is {@link #lost}: still installed,
 * and to be required again ({@code installFeatures} of a feature whose bundles are there changes no bundle).
 *
 * @param installed module features this node has (Karaf's installed ones and the lost ones)
 * @param lost      module features whose bundles are all in the framework but which Karaf does not list as installed
 */
record InstalledModules(Set<String> installed, Set<String> lost) {

    /**
     * @param listed             the module features Karaf lists as installed
     * @param bundlesOfModules   every known module feature's own (non-dependency) bundle locations
     * @param frameworkLocations the locations of the bundles installed in the framework
     */
    static InstalledModules of(Set<String> listed, Map<String, ? extends Collection<String>> bundlesOfModules,
                               Set<String> frameworkLocations) {
        Set<String> lost = new TreeSet<>();
        bundlesOfModules.forEach((name, locations) -> {
            if (!listed.contains(name) && !locations.isEmpty() && frameworkLocations.containsAll(locations)) {
                lost.add(name);
            }
        });
        Set<String> installed = new TreeSet<>(listed);
        installed.addAll(lost);
        return new InstalledModules(installed, lost);
    }
}
