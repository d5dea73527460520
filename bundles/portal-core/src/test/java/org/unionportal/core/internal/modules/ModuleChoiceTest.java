package org.unionportal.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleChoiceTest {
    @Test
    void starMeansEveryModuleAndMayComeWithNames() {
        ModuleChoice every = ModuleChoice.parse("*");
        assertTrue(every.everyModule());
        assertEquals(List.of(), every.names());
        assertFalse(every.isEmpty());

        ModuleChoice mixed = ModuleChoice.parse("union-x, *");
        assertTrue(mixed.everyModule());
        assertEquals(List.of("union-x"), mixed.names());
    }

    @Test
    void theCanonicalValueIgnoresOrderSpacingAndRepeats() {
        assertEquals(ModuleChoice.parse("union-b, union-a").canonical(), ModuleChoice.parse("union-a   union-b,union-a").canonical());
        assertEquals("*", ModuleChoice.parse(" * ").canonical());
        assertEquals("", ModuleChoice.parse("  ").canonical());
        assertNotEquals(ModuleChoice.parse("*").canonical(), ModuleChoice.parse("union-a").canonical());
    }

    @Test
    void aModuleFeatureDeclaresTheCapability() {
        assertTrue(ModuleChoice.declaresModule(List.of("org.unionportal.module;module=mutual-aid")));
        assertTrue(ModuleChoice.declaresModule(List.of("osgi.service;objectClass=x", " org.unionportal.module ")));
        assertFalse(ModuleChoice.declaresModule(List.of("org.unionportal.modules;module=x", "osgi.service")));
        assertFalse(ModuleChoice.declaresModule(List.of()));
    }

    @Test
    void theValueAppliedBeforeInstallsOnlyWhatItDidNotCover() {
        ModuleChoice every = ModuleChoice.parse("*");
        java.util.Optional<String> before = java.util.Optional.of("*");

        ModuleChoice.Plan same = every.plan(List.of("union-a", "union-b"), before, List.of("union-a", "union-b"));
        assertTrue(same.unchanged());
        assertEquals(java.util.Set.of(), same.install(), "a module removed at runtime must not come back");

        ModuleChoice.Plan shippedSince = every.plan(List.of("union-a", "union-b", "union-c"), before, List.of("union-a", "union-b"));
        assertEquals(java.util.Set.of("union-c"), shippedSince.install());
        assertEquals(java.util.Set.of("union-a", "union-b", "union-c"), shippedSince.covered());

        ModuleChoice.Plan changed = ModuleChoice.parse("union-a").plan(List.of("union-a"), before, List.of("union-a", "union-b"));
        assertFalse(changed.unchanged());
        assertEquals(java.util.Set.of("union-a"), changed.install(), "a new value installs all it names");
        assertEquals(java.util.Set.of("union-a"), changed.covered());

        ModuleChoice.Plan first = every.plan(List.of("union-a"), java.util.Optional.empty(), List.of());
        assertFalse(first.unchanged());
        assertEquals(java.util.Set.of("union-a"), first.install());
    }
}
