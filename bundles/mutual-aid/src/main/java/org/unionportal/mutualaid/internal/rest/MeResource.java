package org.unionportal.mutualaid.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.security.PortalUser;
import org.unionportal.mutualaid.internal.service.ClaimService;
import org.unionportal.mutualaid.internal.service.EnrolmentService;

/** My cover (我的保障): a member's own enrolments, cover dates, claims and payments. */
@Component(service = MeResource.class)
@PortalResource
@Path("/mutual-aid/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Reference
    EnrolmentService enrolments;
    @Reference
    ClaimService claims;

    /** The signed-in account's member (the register links accounts), then that person's cover and claims. */
    @GET
    public Response mine(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Optional<EnrolmentService.Cover> cover = enrolments.coverOf(user);
        Map<String, Object> body = cover.isEmpty()
                ? Map.of("enrolled", false, "enrolments", List.of(), "claims", List.of())
                : Map.of("enrolled", true, "enrolments", cover.get().enrolments(), "claims", claims.ofMember(cover.get().insuredId()));
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }
}
