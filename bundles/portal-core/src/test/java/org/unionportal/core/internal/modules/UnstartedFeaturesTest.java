package org.unionportal.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnstartedFeaturesTest {

    @Test
    void aFeatureWithEveryBundleRunningIsLeftAlone() {
        assertEquals(Set.of(), UnstartedFeatures.of(Map.of("union-a/1.0.0", List.of("mvn:a/api", "mvn:a/impl")),
                Set.of("mvn:a/api", "mvn:a/impl", "mvn:other")));
    }

    @Test
    void aFeatureWithOneBundleStoppedOrMissingIsToBeStarted() {
        Map<String, List<String>> installed = Map.of("union-a/1.0.0", List.of("mvn:a/api", "mvn:a/impl"),
                "union-b/1.0.0", List.of("mvn:b/impl"), "union-c/1.0.0", List.of("mvn:c/impl"));
        assertEquals(Set.of("union-a/1.0.0", "union-b/1.0.0"), UnstartedFeatures.of(installed, Set.of("mvn:a/api", "mvn:c/impl")));
    }

    @Test
    void aFeatureWithoutBundlesOfItsOwnIsNeverToBeStarted() {
        assertEquals(Set.of(), UnstartedFeatures.of(Map.of("union-all/1.0.0", List.of()), Set.of()));
    }
}
