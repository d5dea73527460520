package org.unionportal.core.internal.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.routes.RouteAccess;
import org.unionportal.core.internal.security.Accounts;

/**
 * Every API request needs a valid bearer token unless its method is {@code @Public}; a
 * {@code @RolesAllowed} method also needs one of its roles (read by {@link RouteAccess}, which the
 * route listing shares). Cookies are not accepted here, so the
 * API needs no CSRF defence. A user whose password an administrator reset may only call the routes marked
 * {@link BeforePasswordChange} until they choose a new one (the page alone is no barrier: the API is open to scripts).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalRest.APPLICATION_SELECT)
@JaxrsName(PortalRest.SECURITY_EXTENSION)
public class AuthenticationFilter implements ContainerRequestFilter {
    static final Text PASSWORD_CHANGE_REQUIRED = Text.of("管理员已重置您的密码，请先设置新密码再继续。",
            "An administrator reset your password: choose a new one before you go on.");

    @Context
    ResourceInfo resourceInfo;

    @Reference
    Accounts accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        RouteAccess access = RouteAccess.of(method, type);
        boolean isPublic = access.kind() == RouteAccess.Kind.PUBLIC;
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Accounts.SignedIn> signedIn = token == null ? Optional.empty() : accounts.signedIn(token);
        Optional<PortalUser> user = signedIn.map(Accounts.SignedIn::user);
        if (user.isEmpty()) {
            if (isPublic) {
                return;
            }
            throw token == null
                    ? new ProblemException(401, "not_signed_in", Text.of(
                            "请先登录：使用 POST /api/auth/login 登录，并在请求中附带“Authorization: Bearer <令牌>”。",
                            "This request needs a signed-in user: sign in with POST /api/auth/login and send "
                                    + "'Authorization: Bearer <token>'."))
                    : new ProblemException(401, "token_invalid", Text.of("登录已失效或令牌无效，请重新登录。",
                            "The token is invalid or has expired; sign in again."));
        }
        request.setSecurityContext(new UserSecurityContext(user.get(), token, request.getSecurityContext().isSecure()));
        if (signedIn.get().mustChangePassword() && (method == null || !method.isAnnotationPresent(BeforePasswordChange.class))) {
            throw ProblemException.forbidden("password_change_required", PASSWORD_CHANGE_REQUIRED);
        }
        if (!access.allows(user.get().roles())) {
            throw ProblemException.forbidden("role_required", Text.of(
                    "此操作需要以下角色之一：" + access.roles() + "；如需使用，请联系管理员。",
                    "This needs one of the roles " + access.roles() + "; ask an administrator if you need access."));
        }
    }

    static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The request's user, and the token it came with (for logout). */
    public record UserSecurityContext(PortalUser user, String token, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.roles().stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
