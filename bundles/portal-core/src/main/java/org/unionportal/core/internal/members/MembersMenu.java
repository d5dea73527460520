package org.unionportal.core.internal.members;

import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.menu.MenuGroups;
import org.unionportal.api.security.Role;

/** The register's menu entry 会员库 for union staff; the page is the web shell's own. */
@Component(immediate = true, service = {})
public class MembersMenu {
    static final MenuEntry ENTRY = new MenuEntry("portal.members", "会员库", "Members", "users", "members",
            "/pages/members.js", MenuGroups.SERVICES, 10, Set.of(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN));

    private ServiceRegistration<MenuEntry> registration;

    @Activate
    void activate(BundleContext context) {
        registration = context.registerService(MenuEntry.class, ENTRY, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
