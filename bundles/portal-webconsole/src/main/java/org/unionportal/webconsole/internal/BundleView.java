package org.unionportal.webconsole.internal;

/**
 * One bundle of a feature, as it is in the framework right now.
 *
 * @param location     the bundle location named by the feature
 * @param id           the installed bundle's id, {@code null} when no bundle has that location
 * @param symbolicName the installed bundle's symbolic name, {@code null} when not installed
 * @param state        {@link BundleStates} name, {@link BundleStates#NOT_INSTALLED} when not installed
 */
public record BundleView(String location, Long id, String symbolicName, String state) {

    public static BundleView notInstalled(String location) {
        return new BundleView(location, null, null, BundleStates.NOT_INSTALLED);
    }

    public boolean installed() {
        return id != null;
    }
}
