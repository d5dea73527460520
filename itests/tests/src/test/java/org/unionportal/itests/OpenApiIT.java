package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API description follows the modules: {@code /api/openapi.json} lists the fixture's paths, schemas and
 * roles once it is installed and drops them when it is uninstalled; {@code /api/docs} is swagger-ui served by
 * the portal itself, linked from the web console.
 */
@ExtendWith(SharedPortal.class)
class OpenApiIT {
    private Distribution portal;
    private Api api;

    @BeforeEach
    void fixtureNotInstalled(Distribution portal) {
        this.portal = portal;
        this.api = portal.api();
        portal.ensureFixtureUninstalled();
    }

    @AfterEach
    void leaveFixtureUninstalled() {
        portal.ensureFixtureUninstalled();
    }

    @Test
    void theFixturesPathsComeAndGoWithIt() {
        Await.until("openapi.json without the fixture", Await.MODULE_CHANGE, this::paths,
                paths -> paths.stream().noneMatch(p -> p.startsWith("/fixture/")));
        JsonNode before = document();
        assertTrue(before.path("openapi").asText().startsWith("3."), () -> "not OpenAPI 3: " + before.path("openapi"));
        assertEquals("/api", before.path("servers").get(0).path("url").asText());
        assertTrue(paths().contains("/portal/health"), () -> "the core's paths: " + paths());
        assertEquals("PUBLIC", before.path("paths").path("/portal/health").path("get").path("x-access").asText());
        assertEquals(List.of("PLATFORM_ADMIN"), texts(before.path("paths").path("/portal/system/routes").path("get").path("x-roles")));

        portal.installFixture();
        JsonNode with = Await.until("openapi.json to list the fixture's paths", Await.MODULE_CHANGE, this::document,
                doc -> doc.path("paths").has("/fixture/items/{id}/files"));
        JsonNode create = with.path("paths").path("/fixture/items").path("post");
        assertEquals(List.of("PLATFORM_ADMIN", "DISTRICT_ADMIN", "UNION_OPERATOR"), texts(create.path("x-roles")), create::toString);
        assertEquals(List.of("fixture"), texts(create.path("tags")));
        assertEquals("#/components/schemas/CreateItem",
                create.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText(), create::toString);
        assertTrue(create.path("responses").path("4XX").path("content").has("application/problem+json"), create::toString);
        JsonNode item = with.path("components").path("schemas").path("Item").path("properties");
        assertTrue(item.has("title") && item.has("status") && item.has("createdById"), () -> "Item schema: " + item);
        assertEquals("SIGNED_IN", with.path("paths").path("/fixture/items").path("get").path("x-access").asText());

        portal.uninstallFixture();
        Await.until("openapi.json to drop the fixture's paths", Await.MODULE_CHANGE, this::paths,
                paths -> paths.stream().noneMatch(p -> p.startsWith("/fixture/")));
    }

    @Test
    void theDocsPageIsServedByThePortalAndLinkedFromTheConsole() {
        Api.Reply page = asset("/api/docs");
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        assertTrue(page.body().contains("docs/swagger-ui-bundle.js"), page::toString);
        Api.Reply bundle = asset("/api/docs/swagger-ui-bundle.js");
        assertTrue(bundle.body().contains("SwaggerUIBundle"), () -> "swagger-ui-bundle.js: " + bundle.body().length() + " characters");
        assertTrue(asset("/api/docs/init.js").body().contains("openapi.json"));
        assertTrue(asset("/api/docs/swagger-ui.css").contentType().startsWith("text/css"));

        Api.Reply console = api.basic("GET", "/system/console/union-api", "admin", Distribution.PASSWORD, null, Map.of()).expect(200);
        assertTrue(console.body().contains("href='/api/docs'"), console::toString);
    }

    /** As a browser asks: any type. */
    private Api.Reply asset(String path) {
        return api.send("GET", path, null, null, Map.of("Accept", "text/html,*/*;q=0.8")).expect(200);
    }

    private JsonNode document() {
        Api.Reply reply = api.get("/api/openapi.json", null).expect(200);
        return reply.json();
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        document().path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
