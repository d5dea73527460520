package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionportal.api.module.ModuleInfo;

class ModuleFeaturesTest {

    @Test
    void moduleFeaturesAreUnionFeaturesButNotThePlatform() {
        assertTrue(ModuleFeatures.isModuleFeature("union-mutual-aid"));
        assertTrue(ModuleFeatures.isModuleFeature("union-fixture"));
        for (String platform : List.of("union-portal", "union-jaxrs", "union-persistence")) {
            assertFalse(ModuleFeatures.isModuleFeature(platform), platform);
            assertFalse(ModuleFeatures.isModuleFeature(platform, List.of("org.unionportal.module;module=x")), platform);
        }
        assertFalse(ModuleFeatures.isModuleFeature("union-"));
        assertFalse(ModuleFeatures.isModuleFeature("webconsole"));
        assertFalse(ModuleFeatures.isModuleFeature("Union-mutual-aid"));
        assertFalse(ModuleFeatures.isModuleFeature("my-union-x"));
        assertFalse(ModuleFeatures.isModuleFeature(null));
    }

    @Test
    void aFeatureDeclaringTheModuleCapabilityIsAModuleWhateverItsName() {
        assertTrue(ModuleFeatures.isModuleFeature("city-childcare", List.of("org.unionportal.module;module=childcare")));
        assertFalse(ModuleFeatures.isModuleFeature("city-childcare", List.of("osgi.service;objectClass=x")));
        assertTrue(ModuleFeatures.isModuleFeature("union-fixture", List.of()));
    }

    @Test
    void modulesMatchByBundleIdOnlyWhenTheFeatureIsInstalled() {
        List<BundleView> bundles = List.of(new BundleView("mvn:a/b/1", 41L, "a.b", "ACTIVE"),
                BundleView.notInstalled("mvn:a/c/1"));
        List<ModuleInfo> modules = List.of(Fixtures.module("other", 7), Fixtures.module("mine", 41));

        assertEquals(List.of("mine"), ModuleMatcher.modulesOf(true, bundles, modules).stream().map(ModuleInfo::id).toList());
        assertEquals(List.of(), ModuleMatcher.modulesOf(false, bundles, modules));
        assertEquals(List.of(), ModuleMatcher.modulesOf(true, bundles, List.of()));
        assertEquals(List.of(), ModuleMatcher.modulesOf(true, List.of(BundleView.notInstalled("x")), modules));
    }

    @Test
    void featureViewLooksBundlesUpByLocation() {
        Map<String, BundleView> framework = Map.of("mvn:a/b/1", new BundleView("mvn:a/b/1", 41L, "a.b", "RESOLVED"));
        FeatureView view = FeatureViews.of("union-x", "1.0", "X", true, List.of("mvn:a/b/1", "mvn:a/c/1"),
                l -> framework.getOrDefault(l, BundleView.notInstalled(l)), List.of(Fixtures.module("x", 41)));

        assertEquals(2, view.bundles().size());
        assertEquals("RESOLVED", view.bundles().get(0).state());
        assertEquals(BundleStates.NOT_INSTALLED, view.bundles().get(1).state());
        assertFalse(view.bundles().get(1).installed());
        assertEquals("x", view.modules().get(0).id());
    }

    @Test
    void bundleStateNames() {
        assertEquals("ACTIVE", BundleStates.name(0x20));
        assertEquals("RESOLVED", BundleStates.name(0x04));
        assertEquals("INSTALLED", BundleStates.name(0x02));
        assertEquals("UNKNOWN(3)", BundleStates.name(3));
    }
}
