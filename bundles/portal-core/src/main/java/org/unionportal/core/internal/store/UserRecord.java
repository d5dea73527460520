package org.unionportal.core.internal.store;

import org.unionportal.api.security.PortalUser;

/** A user row with what the API must not show in full (phone) or at all (password hash). */
public record UserRecord(PortalUser user, String orgName, String phone, String passwordHash, boolean enabled) {
}
