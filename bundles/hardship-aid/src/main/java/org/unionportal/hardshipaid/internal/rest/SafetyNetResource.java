package org.unionportal.hardshipaid.internal.rest;

import java.util.List;
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
import org.unionportal.hardshipaid.internal.service.SafetyNetService;
import org.unionportal.hardshipaid.internal.service.SafetyNetService.Case;
import org.unionportal.hardshipaid.internal.service.SafetyNetService.Decision;
import org.unionportal.hardshipaid.internal.service.SafetyNetService.ExpenseForm;
import org.unionportal.hardshipaid.internal.service.SafetyNetService.HouseholdYear;
import org.unionportal.hardshipaid.internal.service.SafetyNetService.Note;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore.Award;

/** HTTP of the medical safety net (医疗兜底); the work is {@link SafetyNetService}'s. */
@Component(service = SafetyNetResource.class)
@PortalResource
@Path("/hardship-aid/safety-net")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
public class SafetyNetResource {
    @Reference
    SafetyNetService safetyNet;

    @GET
    public List<HouseholdYear> list(@QueryParam("year") Integer year, @Context SecurityContext context) {
        return safetyNet.list(CurrentUser.of(context.getUserPrincipal()), year);
    }

    @GET
    @Path("/{householdId}/{year}")
    public Case get(@PathParam("householdId") long householdId, @PathParam("year") int year, @Context SecurityContext context) {
        return safetyNet.get(CurrentUser.of(context.getUserPrincipal()), householdId, year);
    }

    @POST
    @Path("/{householdId}/expenses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("householdId") long householdId, ExpenseForm f, @Context SecurityContext context) {
        return Response.status(201).entity(safetyNet.record(CurrentUser.of(context.getUserPrincipal()), householdId, f)).build();
    }

    @POST
    @Path("/{householdId}/{year}/awards")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@PathParam("householdId") long householdId, @PathParam("year") int year, Note note,
            @Context SecurityContext context) {
        return Response.status(201).entity(safetyNet.propose(CurrentUser.of(context.getUserPrincipal()), householdId, year, note)).build();
    }

    @POST
    @Path("/awards/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Award decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        return safetyNet.decide(CurrentUser.of(context.getUserPrincipal()), id, d);
    }

    @POST
    @Path("/awards/{id}/paid")
    public Award paid(@PathParam("id") long id, @Context SecurityContext context) {
        return safetyNet.paid(CurrentUser.of(context.getUserPrincipal()), id);
    }
}
