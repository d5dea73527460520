package org.unionportal.mutualaid.internal.rest;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.service.PlanService;
import org.unionportal.mutualaid.internal.service.PlanService.PlanRequest;
import org.unionportal.mutualaid.internal.store.Plan;

/** Plans (保障项目): everyone signed in reads them; platform administrators create and version them. */
@Component(service = PlansResource.class)
@PortalResource
@Path("/mutual-aid/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {
    @Reference
    PlanService plans;

    @GET
    public List<Plan> current() {
        return plans.current();
    }

    @GET
    @Path("/{id}")
    public Plan one(@PathParam("id") long id) {
        return plans.one(id);
    }

    @GET
    @Path("/{id}/versions")
    public List<Plan> versions(@PathParam("id") long id) {
        return plans.versions(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Response create(PlanRequest request, @Context SecurityContext context) {
        long id = plans.create(request, CurrentUser.of(context.getUserPrincipal()));
        return Response.status(201).entity(plans.one(id)).build();
    }

    /** Edits a plan: in place while nobody is enrolled, otherwise as a new version (the old one stays as it was). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Plan edit(@PathParam("id") long id, PlanRequest request, @Context SecurityContext context) {
        return plans.one(plans.edit(id, request, CurrentUser.of(context.getUserPrincipal())));
    }
}
