package org.unionportal.core.internal.switches;

import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.unionportal.api.menu.MenuEntry;
import org.unionportal.api.menu.MenuGroups;
import org.unionportal.api.security.Role;

/** The admins' menu entry for the module switches page (served by the web shell at /pages/). */
@Component(immediate = true, service = {})
public class ModuleSwitchMenu {
    static final MenuEntry ENTRY = new MenuEntry("portal.module-switches", "模块开关", "Module switches", "settings",
            "portal/module-switches", "/pages/module-switches.js", MenuGroups.ADMIN, 900,
            Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN));

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
