package org.unionportal.api.audit;

import java.util.Objects;
import org.unionportal.api.security.PortalUser;

/**
 * Who did it: a signed-in user, or the portal itself (a scheduled job, a start-up task) under a name.
 *
 * @param userId   the user's id, or null for the portal itself or an unknown name (a failed sign-in)
 * @param username the username, or the job's name, e.g. {@code system:cover-ending-scan}
 */
public record Actor(Long userId, String username) {
    public Actor {
        Objects.requireNonNull(username, "username");
    }

    public static Actor of(PortalUser user) {
        return new Actor(user.id(), user.username());
    }

    /** A name without a user behind it: {@code system:<job>} for the portal's own jobs, or a name a client typed. */
    public static Actor named(String name) {
        return new Actor(null, name == null || name.isBlank() ? "?" : name);
    }
}
