package org.unionportal.core.internal.demo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.demo.DemoMode;
import org.unionportal.core.internal.security.Accounts;

/**
 * Demo mode for modules, read from the core's configuration ({@code demo=true} in
 * {@code etc/org.unionportal.core.cfg}, or {@code -Dunionportal.demo=true}). It needs
 * {@link Accounts}, which seeds the demo city on its activation, so whoever sees this service
 * finds the demo organisations in place.
 */
@Component(service = DemoMode.class, configurationPid = "org.unionportal.core",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PortalDemoMode implements DemoMode {
    private final boolean enabled;

    @Activate
    public PortalDemoMode(@Reference Accounts accounts, Accounts.Config config) {
        this.enabled = isDemo(config);
    }

    /** The one reading of the demo switch (also used by {@link Accounts}). */
    public static boolean isDemo(Accounts.Config config) {
        return config.demo() || Boolean.getBoolean("unionportal.demo");
    }

    @Override
    public boolean enabled() {
        return enabled;
    }
}
