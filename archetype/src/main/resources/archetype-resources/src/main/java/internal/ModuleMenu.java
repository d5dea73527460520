package ${package}.internal;

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

/** Registers the module's menu entries, one service each, for as long as the module is active. */
@Component(immediate = true, service = {})
public class ModuleMenu {

    static final List<MenuEntry> ENTRIES = List.of(
            new MenuEntry("${moduleId}.entries", "${nameZh}", "${nameEn}", "list", "${moduleId}/entries",
                    "/modules/${moduleId}/entries.js", MenuGroups.SERVICES, 500,
                    Set.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN, Role.UNION_OPERATOR)));

    private final List<ServiceRegistration<MenuEntry>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) {
        for (MenuEntry entry : ENTRIES) {
            registrations.add(context.registerService(MenuEntry.class, entry, null));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<MenuEntry> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
    }
}
