package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.mutualaid.internal.AuditFields;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.security.UserDirectory;
import org.unionportal.api.identity.IdNumbers;

/**
 * Links an insured person (by ID number) to the portal account they sign in with, so that
 * 我的保障 shows their cover. Union staff do it for people of their own subtree.
 */
@Component(service = MembersResource.class)
@PortalResource
@Path("/mutual-aid/members")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    AuditTrail audit;
    @Reference
    UserDirectory users;

    public record Link(String idNumber, String username) {
    }

    @POST
    @Path("/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Map<String, Object> link(Link link, @Context SecurityContext context) {
        PortalUser staff = Scope.user(context);
        String id = IdNumbers.normalize(link.idNumber());
        new Validation()
                .require(id != null && IdNumbers.problem(id).isEmpty(), "idNumber", "must be a valid 18-character ID number")
                .requireText(link.username(), "username", 100)
                .throwIfInvalid();
        PortalUser account = users.byUsername(link.username())
                .filter(u -> u.hasRole(Role.MEMBER) && staff.covers(u.orgPath()))
                .orElseThrow(() -> ProblemException.invalid(List.of(new ProblemException.FieldError("username",
                        "must be the account of a member (会员) in your part of the union tree"))));
        return db.inTransaction(c -> {
            Object[] member = Jdbc.one(c, "SELECT ID, NAME, USERNAME FROM MA_MEMBER WHERE ID_NUMBER = ? AND ORG_PATH LIKE ?",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, id, staff.subtreePattern())
                    .orElseThrow(() -> ProblemException.notFound("Nobody with this ID number is insured in your part of the union tree."));
            String linked = (String) member[2];
            if (linked != null && !linked.equals(account.username())) {
                throw ProblemException.conflict("This person is already linked to the account " + linked + ".");
            }
            long other = Jdbc.count(c, "SELECT COUNT(*) FROM MA_MEMBER WHERE USERNAME = ? AND ID <> ?", account.username(), member[0]);
            if (other > 0) {
                throw ProblemException.conflict("The account " + account.username() + " is already linked to another insured person.");
            }
            Jdbc.update(c, "UPDATE MA_MEMBER SET USERNAME = ? WHERE ID = ?", account.username(), member[0]);
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "member", member[0], "LINK_ACCOUNT", account.orgPath(),
                    Actor.of(staff)).changes(AuditFields.of("username", linked), Map.of("username", account.username())));
            return Map.<String, Object>of("memberId", member[0], "name", member[1], "idNumber", Masking.idNumber(id),
                    "username", account.username());
        });
    }
}
