package org.unionportal.openapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;
import org.unionportal.api.rest.PortalResources;
import org.unionportal.api.rest.Public;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;

class OpenApiDocumentTest {

    /** An answer record of a sample module. */
    public record Parcel(long id, String title, List<String> labels) {
    }

    /** A request record. */
    public record NewParcel(String title) {
    }

    @Path("/parcels")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class ParcelsResource {
        @GET
        @Path("/{id: [0-9]+}")
        public Parcel get(@PathParam("id") long id, @Context SecurityContext security) {
            return null;
        }

        @POST
        @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNION_OPERATOR})
        public Parcel create(NewParcel body) {
            return null;
        }

        @GET
        @Path("/ping")
        @Public
        public String ping() {
            return "pong";
        }
    }

    @Path("/admin")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public static class AdminResource {
        @GET
        public List<Parcel> all() {
            return List.of();
        }
    }

    private final JsonNode doc = parse(OpenApiDocument.build(List.of(
            new PortalResources.Resource("parcels", ParcelsResource.class), new PortalResources.Resource("core", AdminResource.class)), "1.2.3"));

    private static JsonNode parse(io.swagger.v3.oas.models.OpenAPI api) {
        try {
            return new ObjectMapper().readTree(OpenApiDocument.json(api));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pathsComeFromTheResourcesUnderTheApplicationBase() {
        assertTrue(doc.path("openapi").asText().startsWith("3."), doc::toString);
        assertEquals("/api", doc.path("servers").get(0).path("url").asText());
        assertEquals("1.2.3", doc.path("info").path("version").asText());
        assertEquals(List.of("/admin", "/parcels", "/parcels/ping", "/parcels/{id}"), names(doc.path("paths")).stream().sorted().toList());
    }

    @Test
    void recordsBecomeRequestAndAnswerSchemas() {
        JsonNode parcel = doc.path("components").path("schemas").path("Parcel").path("properties");
        assertEquals(List.of("id", "labels", "title"), names(parcel).stream().sorted().toList());
        assertEquals("integer", parcel.path("id").path("type").asText());
        assertEquals("array", parcel.path("labels").path("type").asText());
        JsonNode create = doc.path("paths").path("/parcels").path("post");
        assertEquals("#/components/schemas/NewParcel",
                create.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText(), create::toString);
        assertTrue(create.toString().contains("#/components/schemas/Parcel"), create::toString);
    }

    @Test
    void everyOperationSaysWhoMayCallIt() {
        JsonNode create = doc.path("paths").path("/parcels").path("post");
        assertEquals(List.of("DISTRICT_ADMIN", "UNION_OPERATOR"), texts(create.path("x-roles")));
        assertEquals("ROLES", create.path("x-access").asText());
        assertEquals("bearer", names(create.path("security").get(0)).get(0));
        assertTrue(create.path("responses").has("403"));

        JsonNode ping = doc.path("paths").path("/parcels/ping").path("get");
        assertEquals("PUBLIC", ping.path("x-access").asText());
        assertTrue(ping.path("security").isArray() && ping.path("security").isEmpty(), ping::toString);
        assertFalse(ping.path("responses").has("401"));

        JsonNode get = doc.path("paths").path("/parcels/{id}").path("get");
        assertEquals("SIGNED_IN", get.path("x-access").asText());
        assertTrue(get.path("responses").has("401") && !get.path("responses").has("403"), get::toString);

        // the class's roles count for its methods
        assertEquals(List.of("PLATFORM_ADMIN"), texts(doc.path("paths").path("/admin").path("get").path("x-roles")));
        assertEquals(List.of("core"), texts(doc.path("paths").path("/admin").path("get").path("tags")));
        assertEquals(List.of("parcels"), texts(get.path("tags")));
    }

    @Test
    void problemsAreDescribedOnce() {
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertEquals(List.of("type", "code", "title", "status", "detail"), texts(problem.path("required")));
        JsonNode notServed = doc.path("paths").path("/parcels/{id}").path("get").path("responses").path("4XX");
        assertEquals("#/components/schemas/Problem",
                notServed.path("content").path("application/problem+json").path("schema").path("$ref").asText(), notServed::toString);
        assertEquals("http", doc.path("components").path("securitySchemes").path("bearer").path("type").asText());
    }

    @Test
    void pathParametersLoseTheirPatterns() {
        assertEquals("/fixture/items/{id}", ResourceAccess.path("/fixture", "/items/{id: [0-9]+}"));
        assertEquals("/portal", ResourceAccess.path("/portal/", ""));
        assertEquals("/a/b", ResourceAccess.path("a", "b/"));
    }

    @Test
    void noResourcesNoPaths() {
        JsonNode empty = parse(OpenApiDocument.build(List.of(), "1"));
        assertNull(empty.path("paths").fields().hasNext() ? "paths" : null, empty::toString);
        assertNotNull(empty.path("components").path("schemas").get("Problem"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
