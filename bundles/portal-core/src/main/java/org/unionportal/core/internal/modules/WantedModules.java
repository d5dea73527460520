package org.unionportal.core.internal.modules;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** The wanted set of module features as kept in {@code PORTAL_SETTING} (sorted, comma separated), and the way to it. */
record WantedModules(Set<String> install, Set<String> uninstall) {
    static final String SETTING = "modules.wanted";

    static String format(Collection<String> features) {
        return String.join(",", new TreeSet<>(features));
    }

    static Set<String> parse(String value) {
        Set<String> names = new TreeSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        }
        return names;
    }

    /**
     * What this node must do to have the {@code wanted} module features: install those it knows and lacks, uninstall
     * the module features it has beyond them (features it does not know cannot be installed: they wait for their
     * repository).
     */
    static WantedModules plan(Set<String> wanted, Set<String> installed, Set<String> known) {
        Set<String> install = new LinkedHashSet<>();
        for (String w : new TreeSet<>(wanted)) {
            if (!installed.contains(w) && known.contains(w)) {
                install.add(w);
            }
        }
        Set<String> uninstall = new LinkedHashSet<>();
        for (String i : new TreeSet<>(installed)) {
            if (!wanted.contains(i)) {
                uninstall.add(i);
            }
        }
        return new WantedModules(install, uninstall);
    }

    boolean nothing() {
        return install.isEmpty() && uninstall.isEmpty();
    }
}
