package org.unionportal.openapi.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.Public;

/** {@code GET /api/openapi.json}: the OpenAPI 3 description of every resource served right now. */
@Component(service = OpenApiResource.class)
@PortalResource
@Path("/openapi.json")
public class OpenApiResource {
    @Reference
    ApiDescription description;

    /** Public like the routes it lists: it names paths and roles, never data. */
    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        // bytes: the JSON is written as it is, not serialised again by the portal's JSON provider
        return Response.ok(description.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-cache").build();
    }
}
