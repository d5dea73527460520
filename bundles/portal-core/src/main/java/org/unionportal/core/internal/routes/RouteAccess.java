package org.unionportal.core.internal.routes;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.unionportal.api.rest.Public;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;

/**
 * Who may call one resource method, read from the portal's annotations exactly as the
 * authentication filter enforces them: {@link Public} on the method or its class opens it to
 * everybody; otherwise the method's {@link RolesAllowed} replaces its class's; neither means any
 * signed-in user.
 *
 * @param kind  {@code PUBLIC}, {@code SIGNED_IN} or {@code ROLES}
 * @param roles the roles allowed when {@code kind} is {@code ROLES}, else empty
 */
public record RouteAccess(Kind kind, List<Role> roles) {

    public enum Kind { PUBLIC, SIGNED_IN, ROLES }

    public RouteAccess {
        roles = List.copyOf(roles);
    }

    public static final RouteAccess PUBLIC = new RouteAccess(Kind.PUBLIC, List.of());
    public static final RouteAccess SIGNED_IN = new RouteAccess(Kind.SIGNED_IN, List.of());

    /** The access of {@code method} (may be null: the class alone decides) of resource class {@code type}. */
    public static RouteAccess of(Method method, Class<?> type) {
        boolean isPublic = (method != null && method.isAnnotationPresent(Public.class))
                || (type != null && type.isAnnotationPresent(Public.class));
        if (isPublic) {
            return PUBLIC;
        }
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed == null && type != null) {
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? SIGNED_IN : new RouteAccess(Kind.ROLES, Arrays.asList(allowed.value()));
    }

    /** Whether a user with these roles passes (a public route lets everybody in, signed in or not). */
    public boolean allows(java.util.Set<Role> userRoles) {
        return switch (kind) {
            case PUBLIC, SIGNED_IN -> true;
            case ROLES -> roles.stream().anyMatch(userRoles::contains);
        };
    }
}
