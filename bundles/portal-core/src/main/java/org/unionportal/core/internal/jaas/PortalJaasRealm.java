package org.unionportal.core.internal.jaas;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.core.internal.security.Accounts;

/**
 * Replaces Karaf's {@code karaf} realm (higher rank) so that the web console and the SSH console
 * accept portal users: one account base. Only platform administrators get Karaf roles.
 */
@Component(service = JaasRealm.class, immediate = true)
public class PortalJaasRealm implements JaasRealm {
    static final String REALM = "karaf";

    private final long bundleId;

    @Activate
    public PortalJaasRealm(BundleContext context, @Reference Accounts accounts) {
        this.bundleId = context.getBundle().getBundleId();
        PortalLoginModule.accounts = accounts;
    }

    @Deactivate
    void deactivate() {
        PortalLoginModule.accounts = null;
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 100;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, PortalLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleId));
        return new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }
}
