package org.unionportal.core.internal.modules;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value of {@code install} in {@code etc/org.unionportal.modules.cfg}, understood: feature names
 * and {@value #EVERY_MODULE}, every module feature the portal knows (a feature that declares the
 * capability {@value #CAPABILITY}). Pure, for unit tests.
 */
public record ModuleChoice(boolean everyModule, List<String> names) {
    public static final String EVERY_MODULE = "*";
    /**
     * Namespace of the capability a module's feature declares, e.g.
     * {@code <capability>org.unionportal.module;module=mutual-aid</capability>}.
     */
    public static final String CAPABILITY = "org.unionportal.module";

    public ModuleChoice {
        names = List.copyOf(names);
    }

    public static ModuleChoice parse(String value) {
        Set<String> tokens = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(tokens::add);
        }
        boolean every = tokens.remove(EVERY_MODULE);
        return new ModuleChoice(every, List.copyOf(tokens));
    }

    /** Order and spacing do not matter: {@code "b, a"} and {@code "a b"} are the same choice. */
    public String canonical() {
        Set<String> sorted = new TreeSet<>(names);
        if (everyModule) {
            sorted.add(EVERY_MODULE);
        }
        return String.join(",", sorted);
    }

    public boolean isEmpty() {
        return !everyModule && names.isEmpty();
    }

    /**
     * What applying a choice installs.
     *
     * @param install    the features to install now
     * @param covered    the features this value has covered once these are installed (to remember)
     * @param unchanged  whether the value is the one applied before
     */
    public record Plan(Set<String> install, Set<String> covered, boolean unchanged) {
    }

    /**
     * The value applied before installs again only what it did not cover yet: a module feature shipped
     * since (with {@code *}), never one that was installed then and removed by someone since. A new
     * value installs everything it names.
     *
     * @param wanted       the features this choice names now ({@code *} expanded)
     * @param appliedValue the canonical value applied before, if any
     * @param covered      the features that value covered
     */
    public Plan plan(Collection<String> wanted, java.util.Optional<String> appliedValue, Collection<String> covered) {
        boolean unchanged = appliedValue.isPresent() && appliedValue.get().equals(canonical());
        Set<String> install = new TreeSet<>(wanted);
        Set<String> coveredAfter = new TreeSet<>(wanted);
        if (unchanged) {
            install.removeAll(covered);
            coveredAfter.addAll(covered);
        }
        return new Plan(Set.copyOf(install), Set.copyOf(coveredAfter), unchanged);
    }

    /** Whether a feature with these capability values is a module feature. */
    public static boolean declaresModule(Collection<String> capabilityValues) {
        return capabilityValues.stream().anyMatch(v -> v != null
                && v.split(";", 2)[0].strip().equals(CAPABILITY));
    }
}
