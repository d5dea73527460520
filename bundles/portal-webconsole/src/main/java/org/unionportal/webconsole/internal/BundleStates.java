package org.unionportal.webconsole.internal;

/** Names for {@code org.osgi.framework.Bundle} states (the constants are copied to stay OSGi-free). */
public final class BundleStates {
    public static final String NOT_INSTALLED = "NOT_INSTALLED";

    private BundleStates() {
    }

    public static String name(int state) {
        switch (state) {
            case 0x01: return "UNINSTALLED";
            case 0x02: return "INSTALLED";
            case 0x04: return "RESOLVED";
            case 0x08: return "STARTING";
            case 0x10: return "STOPPING";
            case 0x20: return "ACTIVE";
            default: return "UNKNOWN(" + state + ")";
        }
    }
}
