package org.unionportal.api.security;

import java.util.HashMap;
import java.util.Map;

/**
 * People's names for the pages (张丽, not {@code operator}), looked up through the core's {@link UserDirectory} (a module
 * never reads the core's tables), once per login name: make one per answer. Without a directory, or for a name that is
 * no enabled user (a member filing for themselves is one; {@code system} is none), the answer is null and the page
 * shows what it has.
 */
public final class PeopleNames {
    private final UserDirectory users;
    private final Map<String, String> known = new HashMap<>();

    /** @param users the directory, or null (then every name is unknown) */
    public PeopleNames(UserDirectory users) {
        this.users = users;
    }

    /** The display name of the login name, or null when unknown. */
    public String of(String username) {
        if (users == null || username == null || username.isBlank()) {
            return null;
        }
        return known.computeIfAbsent(username, u -> users.byUsername(u).map(PortalUser::displayName)
                .filter(n -> n != null && !n.isBlank()).orElse(null));
    }
}
