package org.unionportal.core.internal.modules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The district's choice of modules at install time: {@code install = union-a, union-b} in
 * {@code etc/org.unionportal.modules.cfg}. Missing ones are installed in the background, without
 * refreshing any other bundle; modules installed at runtime are left alone.
 */
@Component(configurationPid = "org.unionportal.modules", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = ModuleSelection.Config.class)
public class ModuleSelection {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleSelection.class);

    @ObjectClassDefinition(name = "Union Portal modules", description = "Module features installed at start")
    public @interface Config {
        String install() default "";
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-module-selection"));

    @Reference
    FeaturesService features;

    @Activate
    void activate(Config config) {
        List<String> wanted = parse(config.install());
        if (!wanted.isEmpty()) {
            executor.submit(() -> install(wanted));
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    static List<String> parse(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private void install(List<String> wanted) {
        for (String name : wanted) {
            try {
                if (features.getFeatures(name).length == 0) {
                    LOG.error("Module feature '{}' named in etc/org.unionportal.modules.cfg does not exist", name);
                } else if (!features.isInstalled(features.getFeatures(name)[0])) {
                    LOG.info("Installing module feature '{}' (etc/org.unionportal.modules.cfg)", name);
                    features.installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                }
            } catch (Exception e) {
                LOG.error("Could not install module feature '{}'", name, e);
            }
        }
    }
}
