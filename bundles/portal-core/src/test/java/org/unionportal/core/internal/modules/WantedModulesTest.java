package org.unionportal.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WantedModulesTest {
    @Test
    void theRecordedSetIsSortedAndReadBack() {
        assertEquals("union-hardship-aid,union-mutual-aid", WantedModules.format(Set.of("union-mutual-aid", "union-hardship-aid")));
        assertEquals(Set.of("a", "b"), WantedModules.parse(" b , a,,"));
        assertEquals(Set.of(), WantedModules.parse(""));
    }

    @Test
    void aNodeInstallsWhatItLacksAndUninstallsWhatIsNoLongerWanted() {
        WantedModules plan = WantedModules.plan(Set.of("a", "b"), Set.of("b", "c"), Set.of("a", "b", "c"));
        assertEquals(Set.of("a"), plan.install());
        assertEquals(Set.of("c"), plan.uninstall());
    }

    @Test
    void aFeatureThisNodeDoesNotKnowWaitsAndTheSameSetNeedsNothing() {
        WantedModules plan = WantedModules.plan(Set.of("a", "new"), Set.of("a"), Set.of("a"));
        assertTrue(plan.nothing(), "plan: " + plan);
    }
}
