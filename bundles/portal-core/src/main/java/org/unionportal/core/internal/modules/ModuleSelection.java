package org.unionportal.core.internal.modules;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.karaf.features.Capability;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.core.internal.rest.ApplicationGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's choice of modules at install time: {@code install = union-a, union-b}, or
 * {@code install = *} for every module feature the portal knows, in
 * {@code etc/org.unionportal.modules.cfg}.
 *
 * <p>The choice is applied once per value: the canonical value last applied, and the features it
 * covered, are kept in the core's table {@code PORTAL_SETTING}; a start (or a configuration update)
 * with the same value installs only module features it did not cover (shipped since, with
 * {@code *}). So a module uninstalled at runtime stays uninstalled across restarts; changing the line
 * installs what the new value names. The choice never uninstalls anything.
 *
 * <p>Missing features are installed in the background without refreshing any other bundle; a named
 * one whose repository is not known yet (a features XML dropped into {@code deploy/}) is installed as
 * soon as that repository is added, and the value counts as applied only then.
 */
// REQUIRE: activated with the file's value only. Activated first without it (and then again with it),
// the default "" would count as a new value on every start and the real one as a change after it.
@Component(configurationPid = "org.unionportal.modules", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = FeaturesListener.class)
@Designate(ocd = ModuleSelection.Config.class)
public class ModuleSelection implements FeaturesListener {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleSelection.class);

    @ObjectClassDefinition(name = "Union Portal modules", description = "Module features installed when this value changes")
    public @interface Config {
        @AttributeDefinition(description = "Feature names, or * for every module feature")
        String install() default "";
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-module-selection"));
    /** Wanted modules whose feature is not known yet. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean retryQueued = new AtomicBoolean();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile String applying;
    private volatile Set<String> covering = Set.of();

    @Reference
    FeaturesService features;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    /** The portal application waits for the choice applied at start (ApplicationGate). */
    @Reference
    ApplicationGate gate;

    @Activate
    void activate(Config config) {
        ModuleChoice choice = ModuleChoice.parse(config.install());
        AutoCloseable startup = gate.begin();
        executor.submit(() -> {
            try (startup) {
                apply(choice);
            }
            return null;
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private void apply(ModuleChoice choice) {
        String value = choice.canonical();
        try {
            Set<String> wanted = new LinkedHashSet<>(choice.names());
            if (choice.everyModule()) {
                wanted.addAll(moduleFeatures());
            }
            ModuleChoice.Plan plan = db.read(c -> choice.plan(wanted,
                    AppliedSettings.get(c, AppliedSettings.MODULES_INSTALL_APPLIED),
                    ModuleChoice.parse(AppliedSettings.get(c, AppliedSettings.MODULES_INSTALL_COVERED).orElse("")).names()));
            if (plan.unchanged() && plan.install().isEmpty()) {
                LOG.info("etc/org.unionportal.modules.cfg: install = '{}' was applied before; modules installed or "
                        + "removed since are left as they are", value);
                return;
            }
            if (plan.unchanged()) {
                LOG.info("etc/org.unionportal.modules.cfg: install = '{}' was applied before; installing only the module "
                        + "features it did not cover then: {}", value, plan.install());
            }
            applying = value;
            covering = plan.covered();
            pending.addAll(plan.install());
            installPending();
        } catch (Exception e) {
            LOG.error("Could not apply etc/org.unionportal.modules.cfg (install = '{}')", value, e);
        }
    }

    /** Every feature of the known repositories that declares itself a portal module. */
    private List<String> moduleFeatures() throws Exception {
        return java.util.Arrays.stream(features.listFeatures())
                .filter(f -> ModuleChoice.declaresModule(f.getCapabilities().stream().map(Capability::getValue).toList()))
                .map(Feature::getName).distinct().sorted().toList();
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
        Set<String> toInstall = new LinkedHashSet<>();
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
                if (!features.isInstalled(found[0])) {
                    toInstall.add(name);
                }
            } catch (Exception e) {
                LOG.error("Could not look up module feature '{}'", name, e);
            }
        }
        boolean installed = true;
        if (!toInstall.isEmpty()) {
            try {
                // One resolver run for all of them; each becomes a root feature, so each can be uninstalled alone.
                LOG.info("Installing module features {} (etc/org.unionportal.modules.cfg)", toInstall);
                features.installFeatures(toInstall, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } catch (Exception e) {
                installed = false;
                LOG.error("Could not install module features {}", toInstall, e);
            }
        }
        if (installed) {
            pending.removeAll(toInstall);
            pending.removeIf(name -> isKnown(name));
        }
        String value = applying;
        if (pending.isEmpty() && installed && value != null) {
            try {
                Set<String> covered = covering;
                db.inTransaction(c -> {
                    AppliedSettings.put(c, AppliedSettings.MODULES_INSTALL_APPLIED, value);
                    AppliedSettings.put(c, AppliedSettings.MODULES_INSTALL_COVERED, String.join(",", covered));
                    return null;
                });
                applying = null;
            } catch (RuntimeException e) {
                LOG.error("Could not record that install = '{}' was applied", value, e);
            }
        }
    }

    private boolean isKnown(String name) {
        try {
            return features.getFeatures(name).length > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
