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
}
