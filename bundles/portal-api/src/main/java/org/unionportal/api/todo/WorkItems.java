package org.unionportal.api.todo;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.unionportal.api.security.PortalUser;

/**
 * A module's contribution to the home page's work to do (工作台). A module registers one or more as OSGi services;
 * the core asks each for the signed-in user and never names a module. Implementations count quickly (one grouped
 * query), only what the user's roles may act on and only inside the user's {@link org.unionportal.api.scope.DataScope}.
 */
@ConsumerType
public interface WorkItems {
    /** The module id, as in {@code ModuleInfo.id()}. */
    String moduleId();

    /** The work waiting for {@code user}; empty when the user's roles have nothing to do here. */
    List<WorkItem> itemsFor(PortalUser user);
}
