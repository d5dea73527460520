package org.unionportal.core.internal.rest;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.Public;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.security.Accounts;

/** Sign in and out. */
@Component(service = AuthResource.class)
@PortalResource
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    /** Read by the live-events servlet, which EventSource reaches without headers. */
    public static final String SESSION_COOKIE = "UP_SESSION";

    @Reference
    Accounts accounts;
    @Reference
    org.unionportal.core.internal.security.PasswordChanges passwords;

    public record Credentials(String username, String password) {
    }

    @POST
    @Path("/login")
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Credentials credentials, @Context HttpServletRequest request) {
        new Validation()
                .requireText(credentials.username(), "username", 100)
                .requireText(credentials.password(), "password", 200)
                .throwIfInvalid();
        // the TCP peer's address: X-Forwarded-For is written by the client and not trusted (see LoginThrottle)
        String clientAddress = request == null ? null : request.getRemoteAddr();
        Accounts.Session session = accounts.login(credentials.username().strip(), credentials.password(), clientAddress);
        int maxAge = (int) Math.max(0, session.expiresAt().getEpochSecond() - java.time.Instant.now().getEpochSecond());
        // SameSite is not in the javax NewCookie API; it goes into the header by hand.
        String cookie = SESSION_COOKIE + "=" + session.token() + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + secure(request);
        Map<String, Object> userView = UserViews.of(session.user(), session.orgName());
        userView.put("mustChangePassword", passwords.mustChange(session.user()));   // the page asks for a new one first
        return Response.ok(Map.of("token", session.token(), "expiresAt", session.expiresAt().toString(),
                        "user", userView))
                .header("Set-Cookie", cookie)
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/logout")
    @BeforePasswordChange
    public Response logout(@Context SecurityContext context, @Context HttpServletRequest request) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        if (context instanceof AuthenticationFilter.UserSecurityContext ctx) {
            accounts.logout(ctx.token(), user.username());
        }
        return Response.noContent()
                .header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(request))
                .build();
    }

    /** The cookie is only ever sent back over TLS when it was set over TLS (directly or via the trusted proxy). */
    private static String secure(HttpServletRequest request) {
        return org.unionportal.core.internal.http.SecurityHeadersFilter.isSecure(request) ? "; Secure" : "";
    }

    @GET
    @Path("/me")
    @BeforePasswordChange
    public Map<String, Object> me(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        String orgName = accounts.user(user.id()).map(u -> u.orgName()).orElse("");
        Map<String, Object> view = UserViews.of(user, orgName);
        view.put("mustChangePassword", passwords.mustChange(user));
        return view;
    }
}
