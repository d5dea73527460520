package org.unionportal.mutualaid.internal;

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
public class MutualAidMenu {
    static final String PAGES = "/modules/mutual-aid/";

    static List<MenuEntry> entries() {
        return List.of(
                new MenuEntry("mutual-aid.plans", "互助保障项目", "Mutual-aid plans", "shield", "mutual-aid/plans",
                        PAGES + "plans.js", MenuGroups.ADMIN, 100, Set.of(Role.PLATFORM_ADMIN)),
                new MenuEntry("mutual-aid.enrol", "团体参保", "Group enrolment", "users", "mutual-aid/enrol",
                        PAGES + "enrol.js", MenuGroups.SERVICES, 100, Set.of(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)),
                new MenuEntry("mutual-aid.claims", "理赔审核", "Claims review", "review", "mutual-aid/claims",
                        PAGES + "claims.js", MenuGroups.REVIEW, 100, Set.of(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)),
                new MenuEntry("mutual-aid.mine", "我的保障", "My cover", "heart", "mutual-aid/mine",
                        PAGES + "mine.js", MenuGroups.SELF, 100, Set.of(Role.MEMBER)),
                new MenuEntry("mutual-aid.figures", "互助保障统计", "Mutual-aid figures", "chart", "mutual-aid/figures",
                        PAGES + "figures.js", MenuGroups.ADMIN, 110, Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN)));
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
