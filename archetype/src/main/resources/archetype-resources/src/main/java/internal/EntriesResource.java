package ${package}.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import ${package}.internal.EntryRequests.CreateEntry;

/**
 * {@code /api/${moduleId}}: thin: who may call what ({@code @RolesAllowed}; without it any signed-in user),
 * the HTTP shape, and the service does the rest. It shows up in /api/openapi.json by itself.
 */
@Component(service = EntriesResource.class)
@PortalResource
@Path("/${moduleId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntriesResource {
    private static final String NO_STORE = "private, no-store";

    @Reference
    EntryService entries;

    @GET
    @Path("/entries")
    public Response list(@Context SecurityContext security) {
        List<Entry> list = entries.list(user(security));
        return Response.ok(list).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("/entries/{id}")
    public Response get(@PathParam("id") long id, @Context SecurityContext security) {
        return Response.ok(entries.get(user(security), id)).header("Cache-Control", NO_STORE).build();
    }

    @POST
    @Path("/entries")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN, Role.UNION_OPERATOR})
    public Response create(CreateEntry body, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(entries.create(user(security), body)).build();
    }

    @POST
    @Path("/entries/{id}/done")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN, Role.UNION_OPERATOR})
    public Entry markDone(@PathParam("id") long id, @Context SecurityContext security) {
        return entries.markDone(user(security), id);
    }

    /** Entries per status, for the caller's organisation and each organisation below it. */
    @GET
    @Path("/figures")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN, Role.UNION_OPERATOR})
    public EntryRules.Figures figures(@Context SecurityContext security) {
        return entries.figures(user(security));
    }

    private static PortalUser user(SecurityContext security) {
        return CurrentUser.of(security.getUserPrincipal());
    }
}
