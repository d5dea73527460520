package org.unionportal.core.internal.rest;

import java.util.Set;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.core.internal.switches.ModuleSwitchFilter;

/**
 * The one JAX-RS application of the portal, at {@code /api}. It requires the JSON, security,
 * problem, download and module-switch extensions, so the whiteboard serves none of its resources until
 * all are there; and at start-up it waits for the {@link ApplicationGate}, so that the whiteboard builds
 * it once with every resource instead of once per resource.
 */
@Component(service = Application.class, property = ApplicationGate.READY_FILTER_PROPERTY + "=" + ApplicationGate.OPEN_FILTER)
@JaxrsName(PortalRest.APPLICATION_NAME)
@JaxrsApplicationBase(PortalRest.APPLICATION_BASE)
@JaxrsExtensionSelect({PortalRest.REQUIRE_JSON, PortalRest.REQUIRE_SECURITY, PortalRest.REQUIRE_PROBLEMS, PortalRest.REQUIRE_DOWNLOADS,
        ModuleSwitchFilter.REQUIRE})
public class PortalApplication extends Application {
    @Override
    public Set<Object> getSingletons() {
        return Set.of();
    }
}
