package org.unionportal.hardshipaid.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.hardshipaid.internal.service.StandardService;
import org.unionportal.hardshipaid.internal.service.StandardService.Decision;
import org.unionportal.hardshipaid.internal.service.StandardService.Proposal;
import org.unionportal.hardshipaid.internal.service.StandardService.Table;
import org.unionportal.hardshipaid.internal.store.StandardStore.Row;

/** HTTP of the aid standards (救助标准); the work is {@link StandardService}'s. */
@Component(service = StandardsResource.class)
@PortalResource
@Path("/hardship-aid/standards")
@Produces(MediaType.APPLICATION_JSON)
public class StandardsResource {
    @Reference
    StandardService standards;

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Table list(@QueryParam("date") String date) {
        return standards.table(date);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Response propose(Proposal p, @Context SecurityContext context) {
        return Response.status(201).entity(standards.propose(CurrentUser.of(context.getUserPrincipal()), p)).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Row decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        return standards.decide(CurrentUser.of(context.getUserPrincipal()), id, d);
    }
}
