package org.unionportal.core.internal.modules;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Capability;
import org.apache.karaf.features.DeploymentEvent;
import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.core.internal.cluster.ClusterEvents;
import org.unionportal.core.internal.rest.ApplicationGate;

/**
 * The wanted set of modules lives in the database ({@code PORTAL_SETTING} {@value WantedModules#SETTING}), so every
 * node of a cluster has the same modules. A module feature installed or uninstalled on a node (console, shell,
 * {@code etc/org.unionportal.modules.cfg}) is recorded there and announced ({@link ClusterEvents#MODULES_WANTED});
 * the other nodes install or uninstall it through their own Karaf {@link FeaturesService}, so their own bundle,
 * menu and live events fire as if it had been done there. A node converges when another node changes the recorded
 * set; at start it only installs what the recorded set has and it lacks (a node joining the cluster takes the
 * cluster's modules), and never uninstalls then: a record missed by a killed node must not remove a module.
 *
 * <p>The installed set is Karaf's own ({@code listInstalledFeatures}, as {@code feature:list -i}), plus the module
 * features whose requirement Karaf lost while their bundles stayed ({@link InstalledModules}); those are required
 * again before anything is recorded, so Karaf's list is right again too.
 */
@Component(immediate = true, service = FeaturesListener.class)
public class ModuleConvergence implements FeaturesListener {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleConvergence.class);
    private static final EnumSet<FeaturesService.Option> OPTIONS = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-module-convergence"));
    private final FeaturesService features;
    private final BundleContext context;
    private final PortalDatabase db;
    private final ClusterEvents events;
    private final AutoCloseable otherNodes;
    private volatile boolean converging;
    /** Whether a Karaf deployment runs now: then its state and the framework's bundles may differ for a moment. */
    private volatile boolean deploying;
    /**
     * After every deployment, a look for modules whose requirement it lost: the features deployer's own deployment
     * (at start, for the features file in {@code deploy/}) drops them without any feature event, so nothing else
     * would look until the next module change, and {@code feature:uninstall} of such a module says "not installed".
     */
    private final DeploymentListener deployments = e -> {
        deploying = e != DeploymentEvent.DEPLOYMENT_FINISHED;
        if (!deploying) {
            requireLostAgain();
        }
    };
    /** The recorded value this node last wrote or applied. */
    private String lastSeen;

    @Activate
    public ModuleConvergence(@Reference FeaturesService features,
                             @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                             @Reference ClusterEvents events, @Reference ApplicationGate gate, BundleContext context) {
        this.features = features;
        this.context = context;
        this.db = db;
        this.events = events;
        features.registerListener(deployments);
        // the portal application waits for what this node installs at start (ApplicationGate)
        AutoCloseable startup = gate.begin();
        executor.submit(() -> {
            try (startup) {
                atStart();
            }
            return null;
        });
        this.otherNodes = events.subscribe(ClusterEvents.MODULES_WANTED, e -> executor.submit(this::applyRecorded));
    }

    @Deactivate
    void deactivate() throws Exception {
        otherNodes.close();
        features.unregisterListener(deployments);
        executor.shutdownNow();
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        // any feature: a features XML deployed into deploy/ may have made Karaf lose a module's requirement
        if (event.isReplay() || converging) {
            return;
        }
        executor.submit(this::recordLocal);
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // a module named in the recorded set may have become known
    }

    private void requireLostAgain() {
        try {
            executor.submit(() -> {
                try {
                    installedModules();
                } catch (Exception e) {
                    LOG.error("Modules: could not require the lost module features again", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // deactivated
        }
    }

    private void atStart() {
        try {
            Optional<String> recorded = db.read(c -> AppliedSettings.get(c, WantedModules.SETTING));
            if (recorded.isEmpty()) {
                recordLocal();
            } else {
                converge(recorded.get(), false);
            }
        } catch (Exception e) {
            LOG.error("Modules: could not take the cluster's wanted modules at start", e);
        }
    }

    /** The module features installed here now become the wanted set (if they differ from it). */
    private void recordLocal() {
        try {
            String local = WantedModules.format(installedModules());
            boolean changed = db.inTransaction(c -> {
                if (local.equals(AppliedSettings.get(c, WantedModules.SETTING).orElse(null))) {
                    return false;
                }
                AppliedSettings.put(c, WantedModules.SETTING, local);
                events.publish(c, ClusterEvents.MODULES_WANTED, local);
                return true;
            });
            lastSeen = local;
            if (changed) {
                LOG.info("Modules: the cluster's wanted modules are now [{}]", local);
            }
        } catch (Exception e) {
            LOG.error("Modules: could not record the installed modules", e);
        }
    }

    private void applyRecorded() {
        try {
            db.read(c -> AppliedSettings.get(c, WantedModules.SETTING)).filter(v -> !v.equals(lastSeen)).ifPresent(v -> converge(v, true));
        } catch (Exception e) {
            LOG.error("Modules: could not apply the cluster's wanted modules", e);
        }
    }

    private void converge(String recorded, boolean uninstall) {
        Set<String> known = new TreeSet<>();
        try {
            for (Feature f : features.listFeatures()) {
                if (isModule(f)) {
                    known.add(f.getName());
                }
            }
            WantedModules plan = WantedModules.plan(WantedModules.parse(recorded), installedModules(), known);
            if (!uninstall) {
                plan = new WantedModules(plan.install(), Set.of());
            }
            lastSeen = recorded;
            if (plan.nothing()) {
                return;
            }
            LOG.info("Modules: following the cluster's wanted modules [{}]: installing {}, uninstalling {}", recorded,
                    plan.install(), plan.uninstall());
            converging = true;
            if (!plan.install().isEmpty()) {
                features.installFeatures(plan.install(), OPTIONS);
            }
            for (String name : plan.uninstall()) {
                features.uninstallFeature(name, OPTIONS);
            }
        } catch (Exception e) {
            LOG.error("Modules: could not follow the cluster's wanted modules [{}]", recorded, e);
        } finally {
            converging = false;
        }
    }

    /** The module features this node has; those Karaf lost are required again first. */
    private Set<String> installedModules() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (Feature f : features.listInstalledFeatures()) {
            if (isModule(f)) {
                listed.add(f.getName());
            }
        }
        Map<String, List<String>> bundlesOfModules = new TreeMap<>();
        for (Feature f : features.listFeatures()) {
            if (isModule(f) && !listed.contains(f.getName())) {
                bundlesOfModules.put(f.getName(), f.getBundles().stream().filter(b -> !b.isDependency())
                        .map(BundleInfo::getLocation).map(String::strip).toList());
            }
        }
        Set<String> locations = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            locations.add(b.getLocation());
        }
        InstalledModules modules = InstalledModules.of(listed, bundlesOfModules, locations);
        // never while a deployment runs: an uninstallation saves Karaf's state before it removes the bundles
        if (!modules.lost().isEmpty() && !deploying) {
            LOG.warn("Modules: Karaf lost the requirement of {} while their bundles stayed (a features file deployed "
                    + "during an installation); requiring them again", modules.lost());
            converging = true;
            try {
                features.installFeatures(modules.lost(), OPTIONS);
            } finally {
                converging = false;
            }
        }
        return modules.installed();
    }

    private static boolean isModule(Feature f) {
        return f != null && ModuleChoice.declaresModule(f.getCapabilities().stream().map(Capability::getValue).toList());
    }
}
