package org.unionportal.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstalledModulesTest {
    private static final Map<String, List<String>> MODULES = Map.of(
            "union-mutual-aid", List.of("mvn:org.unionportal/mutual-aid/1"),
            "union-hardship-aid", List.of("mvn:org.unionportal/hardship-aid/1"),
            "union-empty", List.of());

    @Test
    void aModuleWhoseRequirementKarafLostStillCountsAndIsRequiredAgain() {
        // as after a features XML dropped into deploy/ while the modules were being installed (CI's karaf.log)
        InstalledModules modules = InstalledModules.of(Set.of(), MODULES,
                Set.of("mvn:org.unionportal/portal-core/1", "mvn:org.unionportal/mutual-aid/1", "mvn:org.unionportal/hardship-aid/1"));
        assertEquals(Set.of("union-hardship-aid", "union-mutual-aid"), modules.installed());
        assertEquals(Set.of("union-hardship-aid", "union-mutual-aid"), modules.lost());
    }

    @Test
    void anUninstalledModuleHasNoBundlesLeftAndAListedOneIsNotLost() {
        InstalledModules modules = InstalledModules.of(Set.of("union-hardship-aid"), MODULES,
                Set.of("mvn:org.unionportal/hardship-aid/1"));
        assertEquals(Set.of("union-hardship-aid"), modules.installed());
        assertEquals(Set.of(), modules.lost());
    }
}
