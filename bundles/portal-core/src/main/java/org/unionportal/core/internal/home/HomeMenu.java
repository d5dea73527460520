package org.unionportal.core.internal.home;

import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.menu.MenuGroups;
import org.unionportal.api.security.Role;

/** The shell's pages for administrators: notices to publish (通知公告) and the accounts of their subtree (账号管理). */
@Component(immediate = true, service = {})
public class HomeMenu {
    static final List<MenuEntry> ENTRIES = List.of(
            new MenuEntry("portal.notices", "通知公告", "Notices", "bell", "portal/notices",
                    "/pages/notices.js", MenuGroups.ADMIN, 80, Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN)),
            new MenuEntry("portal.accounts", "账号管理", "Accounts", "users", "portal/accounts",
                    "/pages/accounts.js", MenuGroups.ADMIN, 85, Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN)));

    private List<ServiceRegistration<MenuEntry>> registrations = List.of();

    @Activate
    void activate(BundleContext context) {
        registrations = ENTRIES.stream().map(e -> context.registerService(MenuEntry.class, e, null)).toList();
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
