package org.unionportal.core.internal.switches;

import java.util.Optional;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.modules.ModuleRegistry;

/**
 * A module's REST resources answer 404 ({@code module_switched_off}) to users of an organisation
 * for which the module is switched off. Runs after the authentication filter (a later
 * {@link Priority} than its default {@link Priorities#USER}) and uses the user it established,
 * so a request's token is checked once. A request without a user here is one the authentication
 * filter refused already, or a public route, which no switch hides.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalRest.APPLICATION_SELECT)
@JaxrsName(ModuleSwitchFilter.NAME)
@Priority(Priorities.USER + 100)
public class ModuleSwitchFilter implements ContainerRequestFilter {
    public static final String NAME = "union.module-switches";
    public static final String REQUIRE = "(osgi.jaxrs.name=" + NAME + ")";

    /** The module of each resource class; "" for the core and other bundles. Weak on the class. */
    private static final ClassValue<String> MODULE_OF_CLASS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String id = ModuleRegistry.moduleId(FrameworkUtil.getBundle(type));
            return id == null ? "" : id;
        }
    };

    @Context
    ResourceInfo resourceInfo;

    @Reference
    ModuleSwitches switches;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resourceInfo.getResourceClass();
        if (type == null || !switches.anySwitchedOff()) {
            return;
        }
        String module = MODULE_OF_CLASS.get(type);
        if (module.isEmpty()) {
            return;
        }
        if (!(request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof PortalUser user)) {
            return;
        }
        Optional<Marker> by = switches.offBy(module, user.orgPath());
        if (by.isPresent()) {
            throw new ProblemException(404, "module_switched_off", Text.of(
                    "“" + by.get().orgName() + "”已关闭此模块（" + module + "），如需使用请联系管理员。",
                    "This module (" + module + ") is switched off for " + by.get().orgName()
                            + "; ask your administrator if you need it."));
        }
    }
}
