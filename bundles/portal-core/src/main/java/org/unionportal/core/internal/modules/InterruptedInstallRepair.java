package org.unionportal.core.internal.modules;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.DeploymentEvent;
import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.core.internal.rest.ApplicationGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes, once per start, feature installations that a killed process left half done ({@link UnstartedFeatures}):
 * when the framework has reached its start level, every installed feature that Karaf is to keep started and that has
 * a bundle of its own not running is started through Karaf ({@code feature:start}: one deployment that installs what is missing and starts the
 * features' bundles). The portal application waits for it (ApplicationGate), so a module is whole after the start,
 * or the log says why not.
 *
 * <p>And once after each installation of a feature: a kill while Karaf was installing a module's bundles, before it
 * saved the installation, leaves the bundles in the framework (installed, never started) and the module not listed as
 * installed. The next {@code feature:install} takes those bundles as they are, lists the module as started and leaves
 * them stopped (Karaf 4.4.10), so its REST resources never appear. After the deployment that installed a feature,
 * its bundles that are still not running are started the same way, once per feature and process.
 */
@Component(immediate = true, service = InterruptedInstallRepair.class)
public class InterruptedInstallRepair {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedInstallRepair.class);
    /** How long to wait for the start level and the deployments before looking anyway (the gate's longest wait). */
    private static final long SECOND_LOOK_MILLIS = 2_000;
    private static final long QUIET_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(120);
    /**
     * Two looks 50 ms apart: the application gate waits for this check, so every start waits for these looks (three
     * looks 200 ms apart cost about half a second of each start). A deployment about to begin is caught by the second
     * look after {@link #SECOND_LOOK_MILLIS}, before anything is started.
     */
    private static final int QUIET_LOOKS = 2;
    private static final long LOOK_MILLIS = 50;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-module-start-repair"));
    private final FeaturesService features;
    private final BundleContext context;
    private final ApplicationGate gate;
    /** Features installed by the deployment under way (FeatureInstalled comes before the deployment has ended). */
    private final Set<String> justInstalled = ConcurrentHashMap.newKeySet();
    /** Features this process has started after their installation: once only, so a bundle that cannot start is not retried forever. */
    private final Set<String> startedAfterInstall = ConcurrentHashMap.newKeySet();
    private final FeaturesListener installations = new FeaturesListener() {
        @Override
        public void featureEvent(FeatureEvent event) {
            if (!event.isReplay() && event.getType() == FeatureEvent.EventType.FeatureInstalled) {
                justInstalled.add(event.getFeature().getId());
            }
        }

        @Override
        public void repositoryEvent(RepositoryEvent event) {
            // repositories do not start anything
        }
    };
    private final DeploymentListener deployments = event -> {
        if (event == DeploymentEvent.DEPLOYMENT_FINISHED && !justInstalled.isEmpty()) {
            Set<String> installed = new TreeSet<>(justInstalled);
            justInstalled.removeAll(installed);
            try {
                executor.submit(() -> startAfterInstall(installed));
            } catch (RejectedExecutionException stopping) {
                // deactivated
            }
        }
    };

    @Activate
    public InterruptedInstallRepair(@Reference FeaturesService features, @Reference ApplicationGate gate, BundleContext context) {
        this.features = features;
        this.context = context;
        this.gate = gate;
        features.registerListener(installations);
        features.registerListener(deployments);
        AutoCloseable startup = gate.begin();
        executor.submit(() -> {
            try (startup) {
                awaitQuiet();
                repair();
            }
            return null;
        });
    }

    @Deactivate
    void deactivate() {
        features.unregisterListener(installations);
        features.unregisterListener(deployments);
        executor.shutdownNow();
    }

    /**
     * Until the start level thread has started the installed bundles and no deployment (the boot features of a fresh
     * start, a module being installed) is under way: before that, "not started" means "not yet".
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.currentTimeMillis() + QUIET_WAIT_MILLIS;
        int quietLooks = 0;
        while (quietLooks < QUIET_LOOKS && System.currentTimeMillis() < deadline) {
            quietLooks = gate.frameworkQuiet() ? quietLooks + 1 : 0;
            if (quietLooks < QUIET_LOOKS) {
                Thread.sleep(LOOK_MILLIS);
            }
        }
    }

    private void repair() throws InterruptedException {
        try {
            Set<String> unstarted = unstarted();
            if (unstarted.isEmpty()) {
                return;
            }
            // a deployment that began just after the look (a module chosen at start being installed) starts its
            // bundles in a moment: only what is still not running after another quiet spell was cut off
            Thread.sleep(SECOND_LOOK_MILLIS);
            awaitQuiet();
            unstarted.retainAll(unstarted());
            if (unstarted.isEmpty()) {
                return;
            }
            LOG.warn("Features {} are installed but their bundles are not all running (an installation cut off before "
                    + "Karaf started them); starting them now", unstarted);
            start(unstarted);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("Could not start the installed features whose bundles are not running", e);
        }
    }

    /** Starts those of the features just installed whose own bundles the installation left not running. */
    private void startAfterInstall(Set<String> installed) {
        try {
            Set<String> unstarted = unstarted();
            unstarted.retainAll(installed);
            unstarted.removeAll(startedAfterInstall);
            if (unstarted.isEmpty()) {
                return;
            }
            startedAfterInstall.addAll(unstarted);
            LOG.warn("Features {} were installed but their bundles are not all running (bundles an earlier, cut off "
                    + "installation left in the framework, which Karaf took as they were); starting them now", unstarted);
            start(unstarted);
        } catch (Exception e) {
            LOG.error("Could not start the bundles of the features just installed", e);
        }
    }

    private void start(Set<String> featureIds) throws Exception {
        Map<String, FeatureState> started = new TreeMap<>();
        featureIds.forEach(id -> started.put(id, FeatureState.Started));
        features.updateFeaturesState(Map.of(FeaturesService.ROOT_REGION, started),
                EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    /** The installed features to keep started whose own bundles are not all running now. */
    private Set<String> unstarted() throws Exception {
        Map<String, List<String>> bundlesToStart = new TreeMap<>();
        for (Feature f : features.listInstalledFeatures()) {
            if (features.getState(f.getId()) != FeatureState.Started) {
                continue; // installed on purpose without starting its bundles, or stopped with feature:stop
            }
            bundlesToStart.put(f.getId(), f.getBundles().stream().filter(b -> !b.isDependency() && b.isStart())
                    .map(BundleInfo::getLocation).map(String::strip).toList());
        }
        Set<String> running = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING
                    || b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                running.add(b.getLocation());
            }
        }
        return new TreeSet<>(UnstartedFeatures.of(bundlesToStart, running));
    }
}
