package org.unionportal.core.internal.audit;

import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.menu.MenuGroups;
import org.unionportal.api.security.Role;

/** The menu entry of the audit page 操作日志, a page of the shell (portal-web) for administrators. */
@Component(immediate = true, service = {})
public class AuditMenu {
    static final MenuEntry ENTRY = new MenuEntry("portal.audit", "操作日志", "Audit log", "list", "portal/audit",
            "/pages/audit.js", MenuGroups.ADMIN, 90, Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN));

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
