package org.unionportal.core.internal.modules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
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
 * refreshing any other bundle; one whose repository is not known yet (a features XML dropped into
 * {@code deploy/}) is installed as soon as that repository is added. Modules installed or removed
 * at runtime are left alone.
 */
@Component(configurationPid = "org.unionportal.modules", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = FeaturesListener.class)
@Designate(ocd = ModuleSelection.Config.class)
public class ModuleSelection implements FeaturesListener {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleSelection.class);

    @ObjectClassDefinition(name = "Union Portal modules", description = "Module features installed at start")
    public @interface Config {
        String install() default "";
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-module-selection"));
    /** Wanted modules whose feature is not known yet. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean retryQueued = new AtomicBoolean();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Reference
    FeaturesService features;

    @Activate
    void activate(Config config) {
        pending.addAll(parse(config.install()));
        if (!pending.isEmpty()) {
            executor.submit(this::installPending);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    static List<String> parse(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    // Karaf's deployer adds a dropped repository without a repository event, only with feature
    // events for what it installs, so both kinds trigger another look.
    @Override
    public void repositoryEvent(RepositoryEvent event) {
        retryPending();
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        retryPending();
    }

    private void retryPending() {
        if (!pending.isEmpty() && retryQueued.compareAndSet(false, true)) {
            executor.submit(this::installPending);
        }
    }

    private void installPending() {
        retryQueued.set(false);
        for (String name : List.copyOf(pending)) {
            try {
                Feature[] found = features.getFeatures(name);
                if (found.length == 0) {
                    if (warned.add(name)) {
                        LOG.warn("Module feature '{}' named in etc/org.unionportal.modules.cfg is not known (yet); "
                                + "it is installed when a repository with it is added", name);
                    }
                    continue;
                }
                pending.remove(name);
                if (!features.isInstalled(found[0])) {
                    LOG.info("Installing module feature '{}' (etc/org.unionportal.modules.cfg)", name);
                    features.installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
                }
            } catch (Exception e) {
                LOG.error("Could not install module feature '{}'", name, e);
            }
        }
    }
}
