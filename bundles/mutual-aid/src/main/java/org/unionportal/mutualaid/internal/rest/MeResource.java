package org.unionportal.mutualaid.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.core.Response;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberRegistry;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.service.ClaimService;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;

/** My cover (我的保障): a member's own enrolments, cover dates, claims and payments. */
@Component(service = MeResource.class)
@PortalResource
@Path("/mutual-aid/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    MemberRegistry registry;
    @Reference
    ClaimService claims;

    /** The signed-in account's member (the register links accounts), then that person's cover. */
    @GET
    public Response mine(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Optional<Member> member = registry.ofUser(user.id());
        // Who the user is as an insured person, and their cover (the enrolment side).
        record Mine(Optional<Long> memberId, List<Map<String, Object>> enrolments) {
        }
        Mine mine = db.read(c -> {
            Optional<Long> memberId = member.isEmpty() ? Optional.empty() : EnrolmentStore.insuredIdOf(c, member.get().id());
            return new Mine(memberId, memberId.isEmpty() ? List.of() : EnrolmentStore.ofMember(c, memberId.get(), PortalTime.SYSTEM.today())
                    .stream().map(org.unionportal.mutualaid.internal.service.EnrolmentService::masked).toList());
        });
        Map<String, Object> body = mine.memberId().isEmpty()
                ? Map.of("enrolled", false, "enrolments", List.of(), "claims", List.of())
                : Map.of("enrolled", true, "enrolments", mine.enrolments(), "claims", claims.ofMember(mine.memberId().get()));
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }
}
