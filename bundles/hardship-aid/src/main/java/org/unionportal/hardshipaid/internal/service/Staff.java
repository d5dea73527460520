package org.unionportal.hardshipaid.internal.service;

import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** Who may see and do what beyond the roles of an endpoint. */
final class Staff {
    private Staff() {
    }

    /** Staff whose work needs ID numbers, incomes and illnesses in full: district and city administrators. */
    static boolean fullAccess(PortalUser user) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN);
    }
}
