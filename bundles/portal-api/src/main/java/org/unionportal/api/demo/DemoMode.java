package org.unionportal.api.demo;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether the portal runs in demo mode. The core registers this service once its own demo data
 * (the demo city, see {@link DemoOrganisations}, and its users) is in place, so a module's demo
 * seed that references it may look the organisations up at once:
 * <pre>
 * &#64;Activate
 * public DemoSeed(&#64;Reference DemoMode demo, &#64;Reference OrganisationDirectory orgs, ...) {
 *     if (!demo.enabled()) return;
 *     OrganisationInfo kindergarten = orgs.byCode(DemoOrganisations.LIANGXI_KINDERGARTEN).orElse(null);
 *     ...
 * }
 * </pre>
 * Modules never bind the core's configuration PID.
 */
@ProviderType
public interface DemoMode {
    /** Whether demo data may be seeded (never true for real data). */
    boolean enabled();
}
