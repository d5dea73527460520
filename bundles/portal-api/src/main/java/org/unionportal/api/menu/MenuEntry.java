package org.unionportal.api.menu;

import java.util.Objects;
import java.util.Set;
import org.unionportal.api.security.Role;

/**
 * One entry of the portal menu. A module registers each entry as an OSGi service of this type
 * ({@code context.registerService(MenuEntry.class, entry, null)}); the entry lives exactly as long
 * as that registration, so the menu follows the module's bundle.
 *
 * @param id           unique key, by convention {@code <module>.<page>}
 * @param labelZh      label shown in Chinese (the default language)
 * @param labelEn      label shown in English
 * @param icon         an icon name from the shell's icon set, e.g. {@code "heart"}
 * @param route        the shell's route for the page, e.g. {@code "mutual-aid/claims"}
 * @param page         URL of the ES module the shell loads for the route, e.g.
 *                     {@code "/modules/mutual-aid/claims.js"}; it exports {@code mount(element, context)}
 * @param group        key of the {@link MenuGroup} the entry belongs to
 * @param order        position inside its group, smaller first
 * @param requiredRoles the user needs at least one of these roles; empty means every signed-in user
 */
public record MenuEntry(String id, String labelZh, String labelEn, String icon, String route,
                        String page, String group, int order, Set<Role> requiredRoles) {

    public MenuEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(group, "group");
        labelEn = labelEn == null ? labelZh : labelEn;
        requiredRoles = requiredRoles == null ? Set.of() : Set.copyOf(requiredRoles);
    }

    /** Whether a user holding {@code roles} may see this entry. */
    public boolean visibleTo(Set<Role> roles) {
        return requiredRoles.isEmpty() || requiredRoles.stream().anyMatch(roles::contains);
    }
}
