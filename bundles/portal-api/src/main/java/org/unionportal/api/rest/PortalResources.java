package org.unionportal.api.rest;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The JAX-RS resources registered for the portal application right now, as the core reads them from the
 * whiteboard once for everybody (the route listing, the API description): each with the module that
 * registered it and its class, loaded by the registering bundle, without getting (and so activating) the
 * resource service.
 *
 * @since 1.4
 */
@ProviderType
public interface PortalResources {
    /** The module id of a resource registered by a bundle without {@code Union-Module}. */
    String CORE = "core";

    /**
     * One resource of the portal application.
     *
     * @param module the registering bundle's {@code Union-Module}, or {@link #CORE} for the portal's own
     * @param type   the resource class
     */
    record Resource(String module, Class<?> type) {
    }

    /** The portal application's resources, in no particular order. */
    List<Resource> current();

    /** A number that changes whenever a resource of the portal application comes or goes (to rebuild what derives from them). */
    long changes();
}
