package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's reading of karaf.log (a unit test: runs in surefire, without a portal). */
class FeatureLogTest {

    private static final String PREFIX = "2026-11-22T12:35:48,649 | INFO  | features-3-thread-1 | FeaturesServiceImpl              | 19 - org.apache.karaf.features.core - 4.4.10 | ";

    @TempDir
    Path dir;

    @Test
    void onlyLinesAfterTheMarkCount() throws IOException {
        Path log = dir.resolve("karaf.log");
        write(log, "Starting bundles:", "  org.unionportal.portal-core/0.1.0.SNAPSHOT", "Done.");
        FeatureLog mark = FeatureLog.mark(log);
        write(log, "Adding features: union-fixture/[0,0.0.0]", "Installing bundles:", "  file:///x/fixture-module.jar",
                "Starting bundles:", "  org.unionportal.fixture-module/0.1.0.SNAPSHOT", "Done.");
        List<FeatureLog.Action> actions = mark.actions();
        assertEquals(1, actions.size(), actions::toString);
        assertEquals("org.unionportal.fixture-module", actions.get(0).bundle());
        assertTrue(mark.actionsOnOthersThan("org.unionportal.fixture-module").isEmpty());
    }

    @Test
    void aRefreshOfAnotherBundleIsSeen() throws IOException {
        Path log = dir.resolve("karaf.log");
        write(log, "Done.");
        FeatureLog mark = FeatureLog.mark(log);
        write(log, "Stopping bundles:", "  org.unionportal.fixture-module/0.1.0.SNAPSHOT", "Uninstalling bundles:",
                "  org.unionportal.fixture-module/0.1.0.SNAPSHOT", "Refreshing bundles:",
                "    org.unionportal.fixture-module/0.1.0.SNAPSHOT (Bundle will be uninstalled)",
                "    org.unionportal.portal-core/0.1.0.SNAPSHOT (Wired to org.unionportal.fixture-module/0.1.0.SNAPSHOT which is being refreshed)",
                "Done.");
        List<FeatureLog.Action> others = mark.actionsOnOthersThan("org.unionportal.fixture-module");
        assertEquals(1, others.size(), others::toString);
        assertEquals("Refreshing bundles:", others.get(0).section());
        assertEquals("org.unionportal.portal-core", others.get(0).bundle());
    }

    private static void write(Path log, String... messages) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String m : messages) {
            text.append(PREFIX).append(m).append('\n');
        }
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
