package org.unionportal.core.internal.menu;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.unionportal.api.menu.MenuGroup;
import org.unionportal.api.menu.MenuGroups;

/** The menu groups every portal has; modules add entries to them. */
@Component(immediate = true, service = {})
public class StandardGroups {
    private final List<ServiceRegistration<MenuGroup>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        for (MenuGroup group : List.of(
                new MenuGroup(MenuGroups.SERVICES, "职工服务", "Services", 10),
                new MenuGroup(MenuGroups.SELF, "我的", "My account", 20),
                new MenuGroup(MenuGroups.REVIEW, "审核评审", "Review", 30),
                new MenuGroup(MenuGroups.ADMIN, "管理与统计", "Administration", 40))) {
            registrations.add(context.registerService(MenuGroup.class, group, null));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
