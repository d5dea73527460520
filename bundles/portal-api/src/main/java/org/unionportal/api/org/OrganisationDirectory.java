package org.unionportal.api.org;

import java.util.List;
import java.util.Optional;

/** The union tree, as the core keeps it. A service; modules never read the core's tables. */
@org.osgi.annotation.versioning.ProviderType
public interface OrganisationDirectory {
    Optional<OrganisationInfo> byId(long id);

    /** Every organisation whose path starts with {@code path}, in tree order. */
    List<OrganisationInfo> subtree(String path);

    /** The organisation with exactly this name, if there is one. Prefer {@link #byCode(String)}: names change. */
    Optional<OrganisationInfo> byName(String name);

    /**
     * The organisation with this stable code (unique, e.g. {@code wuxi-liangxi}; see
     * {@code org.unionportal.api.demo.DemoOrganisations} for the demo city's), if there is one.
     *
     * @since 1.1
     */
    Optional<OrganisationInfo> byCode(String code);
}
