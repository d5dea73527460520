package org.unionportal.api.module;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a module shows about itself on the portal's console page (and in shell commands): a few figures of
 * the whole portal, such as counts and pending work. A module registers one as an OSGi service; the page
 * lists every registered one, so the module needs no console plugin of its own. Implementations read through
 * the module's own service or store, quickly (a few grouped queries).
 *
 * @since 1.1
 */
@ConsumerType
public interface ModuleStatus {
    /** The module id, as in {@link ModuleInfo#id()}. */
    String moduleId();

    /** The figures, in the order they are shown. */
    List<Figure> figures();
}
