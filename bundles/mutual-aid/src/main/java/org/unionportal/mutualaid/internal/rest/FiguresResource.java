package org.unionportal.mutualaid.internal.rest;

import java.util.Map;
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
import org.unionportal.mutualaid.internal.service.FiguresService;

/** Figures (统计) of the user's subtree for a year: see {@link FiguresService}. */
@Component(service = FiguresResource.class)
@PortalResource
@Path("/mutual-aid/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {
    @Reference
    FiguresService figures;

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public Map<String, Object> figures(@QueryParam("year") Integer year, @Context SecurityContext context) {
        return figures.figures(CurrentUser.of(context.getUserPrincipal()), year);
    }
}
