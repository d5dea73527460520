package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Data and sessions live in the database: a restart on the same folder keeps both. And the start on existing data
 * builds the portal application once (the core's ApplicationGate holds it until the modules' resources are there):
 * CXF logs one "publish address" line per build of the application's server.
 */
@ExtendWith(SharedPortal.class)
class RestartIT {
    private static final String APPLICATION_BUILT = "Setting the server's publish address to be";

    private Distribution portal;

    @AfterEach
    void leaveFixtureUninstalled() {
        if (portal != null) {
            portal.ensureFixtureUninstalled();
        }
    }

    @Test
    void dataAndSessionsSurviveARestart(Distribution portal) {
        this.portal = portal;
        Api api = portal.api();
        if (!portal.fixtureInstalled()) {
            portal.installFixture();
        }
        String operator = api.login("operator");
        String admin = api.login("admin");
        JsonNode meBefore = api.me(operator);

        String title = "重启 " + UUID.randomUUID();
        JsonNode item = Await.until("the fixture to accept an item", Await.MODULE_CHANGE,
                () -> api.post("/api/fixture/items", operator, Map.of("title", title)), r -> r.status() == 201).json();
        long id = item.path("id").asLong();

        FeatureLog sinceRestart = FeatureLog.mark(portal);
        portal.restart();

        // The same token still works: sessions are stored in the database.
        JsonNode meAfter = api.me(operator);
        assertEquals(meBefore.path("username").asText(), meAfter.path("username").asText());
        assertEquals(meBefore.path("orgId").asLong(), meAfter.path("orgId").asLong());
        api.get("/api/portal/menu", admin).expect(200);

        // The installed module came back by itself, with its data.
        Api.Reply again = Await.until("the item to be served after the restart", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items/" + id, operator), r -> r.status() == 200);
        assertEquals(title, again.json().path("title").asText(), () -> "item after restart: " + again);
        assertTrue(api.menuEntryIds(operator).contains("fixture.items"), "fixture.items is missing after the restart");
        // every module's resources are served before the builds are counted (another class may have removed one)
        for (String[] module : new String[][] {{"union-mutual-aid", "/api/mutual-aid/plans"},
                {"union-hardship-aid", "/api/hardship-aid/households?size=1"}}) {
            if (portal.featureInstalled(module[0])) {
                Await.until(module[1] + " after the restart", Await.MODULE_CHANGE, () -> api.get(module[1], admin), r -> r.status() == 200);
            }
        }

        List<String> builds = sinceRestart.linesContaining(APPLICATION_BUILT);
        assertEquals(1, builds.size(), () -> "the portal application was built " + builds.size()
                + " times in the stop and the start on existing data (once expected):\n" + String.join("\n", builds));
    }
}
