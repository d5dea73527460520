package org.unionportal.api.rest;

import java.security.Principal;
import org.unionportal.api.security.PortalUser;

/**
 * Reads the signed-in user of a request: {@code CurrentUser.of(securityContext.getUserPrincipal())}.
 * Takes a plain {@link Principal} so the API needs no JAX-RS at runtime.
 */
public final class CurrentUser {
    private CurrentUser() {
    }

    /**
     * The signed-in user. Only resources that are not {@link Public} call this, so the
     * authentication filter has already refused anonymous requests.
     */
    public static PortalUser of(Principal principal) {
        if (principal instanceof PortalUser user) {
            return user;
        }
        throw new ProblemException(401, "Not signed in", "Sign in first, then send the token as 'Authorization: Bearer <token>'.");
    }
}
