package org.unionportal.core.internal.store;

import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.UserDirectory;

/** User accounts for modules. */
@Component(service = UserDirectory.class)
public class Users implements UserDirectory {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    @Override
    public Optional<PortalUser> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> AccountStore.userByName(c, username.strip())).filter(UserRecord::enabled).map(UserRecord::user);
    }
}
