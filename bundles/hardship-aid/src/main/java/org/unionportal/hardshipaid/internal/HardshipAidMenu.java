package org.unionportal.hardshipaid.internal;

import java.util.ArrayList;
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

/** The module's menu entries, one service each, living as long as the module. */
@Component(immediate = true, service = {})
public class HardshipAidMenu {
    static final String PAGES = "/modules/hardship-aid/";

    static List<MenuEntry> entries() {
        return List.of(
                new MenuEntry("hardship-aid.households", "困难职工建档", "Hardship households", "users", "hardship-aid/households",
                        PAGES + "households.js", MenuGroups.SERVICES, 200,
                        Set.of(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)),
                new MenuEntry("hardship-aid.batches", "帮扶发放", "Aid payments", "review", "hardship-aid/batches",
                        PAGES + "batches.js", MenuGroups.REVIEW, 200, Set.of(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)),
                new MenuEntry("hardship-aid.safety-net", "医疗兜底", "Medical safety net", "heart", "hardship-aid/safety-net",
                        PAGES + "safety-net.js", MenuGroups.REVIEW, 210, Set.of(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)),
                new MenuEntry("hardship-aid.standards", "救助标准", "Aid standards", "shield", "hardship-aid/standards",
                        PAGES + "standards.js", MenuGroups.ADMIN, 200, Set.of(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)),
                new MenuEntry("hardship-aid.figures", "帮扶统计", "Hardship-aid figures", "chart", "hardship-aid/figures",
                        PAGES + "figures.js", MenuGroups.ADMIN, 210, Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN)));
    }

    private final List<ServiceRegistration<MenuEntry>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        entries().forEach(e -> registrations.add(context.registerService(MenuEntry.class, e, null)));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
