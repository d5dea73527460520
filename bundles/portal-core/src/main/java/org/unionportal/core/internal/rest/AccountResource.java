package org.unionportal.core.internal.rest;

import javax.ws.rs.Consumes;
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
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.security.PasswordChanges;
import org.unionportal.core.internal.security.PasswordPolicy;

/** Passwords: a user changes their own; an administrator resets one in their subtree. */
@Component(service = AccountResource.class)
@PortalResource
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    @Reference
    PasswordChanges passwords;

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record PasswordReset(String password) {
    }

    /** 204; the caller's other sessions end, this one stays. */
    @POST
    @Path("/password")
    @BeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeOwn(PasswordChange change, @Context SecurityContext context) {
        PasswordChange body = change == null ? new PasswordChange(null, null) : change;
        new Validation()
                .requireText(body.currentPassword(), "currentPassword", PasswordPolicy.MAX_LENGTH)
                .requireText(body.newPassword(), "newPassword", PasswordPolicy.MAX_LENGTH)
                .throwIfInvalid();
        String token = context instanceof AuthenticationFilter.UserSecurityContext ctx ? ctx.token() : null;
        passwords.changeOwn(CurrentUser.of(context.getUserPrincipal()), body.currentPassword(), body.newPassword(), token);
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    /** 204; the user's sessions end and the next sign-in asks for a new password. */
    @POST
    @Path("/users/{id}/password-reset")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reset(@PathParam("id") long id, PasswordReset reset, @Context SecurityContext context) {
        // the body is checked by the service after the user's scope: another district's id is a 404 whatever it sends
        PasswordReset body = reset == null ? new PasswordReset(null) : reset;
        passwords.reset(CurrentUser.of(context.getUserPrincipal()), id, body.password());
        return Response.noContent().header("Cache-Control", "no-store").build();
    }
}
