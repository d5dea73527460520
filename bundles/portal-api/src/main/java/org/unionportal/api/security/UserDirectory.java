package org.unionportal.api.security;

import java.util.Optional;

/** The portal's user accounts, for modules. A service; modules never read the core's tables. */
public interface UserDirectory {
    /** The enabled user with this login name, if there is one. */
    Optional<PortalUser> byUsername(String username);
}
