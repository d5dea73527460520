package org.unionportal.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The signed-in user of a request, as the authentication filter puts it into the JAX-RS
 * {@code SecurityContext}. Immutable.
 *
 * @param id          database id
 * @param username    login name
 * @param displayName name to show
 * @param orgId       the organisation the user belongs to
 * @param orgPath     materialised path of that organisation in the union tree, e.g. {@code "/1/3/"};
 *                    the user's data scope is every organisation whose path starts with it
 * @param roles       the user's roles
 */
public record PortalUser(long id, String username, String displayName, long orgId, String orgPath,
                         Set<Role> roles) implements Principal {

    public PortalUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(orgPath, "orgPath");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an organisation with the given path lies inside this user's subtree. */
    public boolean covers(String otherOrgPath) {
        return otherOrgPath != null && otherOrgPath.startsWith(orgPath);
    }

    /** A SQL {@code LIKE} pattern matching every organisation path in this user's subtree. */
    public String subtreePattern() {
        return orgPath + "%";
    }
}
