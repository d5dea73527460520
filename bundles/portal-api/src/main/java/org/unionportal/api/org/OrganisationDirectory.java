package org.unionportal.api.org;

import java.util.List;
import java.util.Optional;

/** The union tree, as the core keeps it. A service; modules never read the core's tables. */
public interface OrganisationDirectory {
    Optional<OrganisationInfo> byId(long id);

    /** Every organisation whose path starts with {@code path}, in tree order. */
    List<OrganisationInfo> subtree(String path);

    /** The organisation with exactly this name, if there is one. */
    Optional<OrganisationInfo> byName(String name);
}
