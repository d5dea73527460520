package org.unionportal.mutualaid.internal.rest;

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
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.security.PortalUser;
import org.unionportal.mutualaid.internal.store.ClaimStore;
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

    /** The signed-in account's member (the register links accounts), then that person's cover. */
    @GET
    public Response mine(@Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Optional<Member> member = registry.ofUser(user.id());
        Map<String, Object> body = db.read(c -> {
            Optional<Long> memberId = member.isEmpty() ? Optional.empty() : EnrolmentStore.insuredIdOf(c, member.get().id());
            if (memberId.isEmpty()) {
                return Map.of("enrolled", false, "enrolments", java.util.List.of(), "claims", java.util.List.of());
            }
            return Map.of("enrolled", true,
                    "enrolments", EnrolmentStore.ofMember(c, memberId.get(), Scope.today()).stream()
                            .map(EnrolmentResource::masked).toList(),
                    "claims", ClaimStore.ofMember(c, memberId.get(), 500).stream()
                            .map(cl -> ClaimsResource.view(cl, java.util.List.of())).toList());
        });
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }
}
