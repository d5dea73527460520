package org.unionportal.hardshipaid.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;
import org.unionportal.hardshipaid.internal.service.FiguresService;
import org.unionportal.hardshipaid.internal.service.FiguresService.Figures;

/** HTTP of the figures (帮扶统计); the work is {@link FiguresService}'s. */
@Component(service = FiguresResource.class)
@PortalResource
@Path("/hardship-aid/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {
    @Reference
    FiguresService figures;

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Figures figures(@QueryParam("year") Integer year, @Context SecurityContext context) {
        return figures.figures(CurrentUser.of(context.getUserPrincipal()), year);
    }
}
