package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionportal.itests.Api;
import org.unionportal.itests.Await;
import org.unionportal.itests.Distribution;

/**
 * The module live in the real portal, on the kit's testing support (portal-itest-harness): boots the built
 * distribution (a fresh folder under target/runs/, embedded Derby, the demo users), hot-deploys this build's
 * feature and jar into its deploy/ folder, sees the menu entry, the REST answer, the page and the paths in the
 * API description, then uninstalls the module and sees them go. {@code mvn verify} runs it (maven-failsafe-plugin)
 * after {@code package} has built the jar; the pom's failsafe configuration hands it the paths.
 */
class ModuleIT {
    private static final String MODULE = "${moduleId}";
    private static Distribution portal;

    @BeforeAll
    static void boot() {
        portal = Distribution.create(MODULE);
        portal.start();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void theModuleComesLiveAndLeavesAgain() throws Exception {
        Path deployed = portal.deployFeature(Paths.get(System.getProperty("module.features")),
                System.getProperty("module.bundle"), Paths.get(System.getProperty("module.jar")));
        Api api = portal.api();
        String operator = api.login("operator");

        Await.until("the menu entry " + MODULE + ".entries", Await.MODULE_CHANGE,
                () -> api.menuEntryIds(operator), ids -> ids.contains(MODULE + ".entries"));
        Await.until("GET /api/" + MODULE + "/entries to answer 200", Await.MODULE_CHANGE,
                () -> api.get("/api/" + MODULE + "/entries", operator), reply -> reply.status() == 200);
        JsonNode entry = api.post("/api/" + MODULE + "/entries", operator, Map.of("title", "IT")).expect(201).json();
        assertEquals("OPEN", entry.path("status").asText(), entry::toString);
        assertEquals("IT", api.get("/api/" + MODULE + "/entries/" + entry.path("id").asLong(), operator)
                .expect(200).json().path("title").asText());
        assertTrue(api.get("/modules/" + MODULE + "/entries.js", null).expect(200).body().contains("/api/" + MODULE));
        assertTrue(api.get("/api/openapi.json", null).expect(200).json().path("paths").has("/" + MODULE + "/entries"),
                "the API description lacks /" + MODULE + "/entries");

        portal.shell("feature:uninstall union-" + MODULE);
        Files.delete(deployed);
        Await.until("GET /api/" + MODULE + "/entries to answer 404", Await.MODULE_CHANGE,
                () -> api.get("/api/" + MODULE + "/entries", operator), reply -> reply.status() == 404);
        Await.until("the menu entry to go", Await.MODULE_CHANGE,
                () -> api.menuEntryIds(operator), ids -> !ids.contains(MODULE + ".entries"));
    }
}
