package org.unionportal.core.internal.rest;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.karaf.features.DeploymentEvent;
import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.MigrationProblems;
import org.unionportal.api.db.PortalDatabase;

/**
 * Holds the portal application back at start-up until what it will serve is registered. The Aries whiteboard builds
 * the application's whole CXF server again for every resource or extension that arrives after the application was
 * deployed (a new resource model of every resource so far, each time: about 25 builds per start with both modules),
 * but takes everything registered before it in one build. {@link PortalApplication} names this gate's marker service
 * in Aries' {@code application.ready.service.filter}, so the whiteboard deploys the application once the gate opens:
 * <ul>
 *   <li>every bundle that is to start has started, and no Karaf features deployment runs;</li>
 *   <li>no start-up work announced with {@link #begin} runs (the module choice installing module features on a
 *       fresh start, the cluster's wanted modules);</li>
 *   <li>every enabled DS component of a started bundle that is a JAX-RS resource or extension, and every component of
 *       the core, has its references (a resource of a module whose migration failed is not waited for: it never
 *       comes);</li>
 *   <li>and the set of registered JAX-RS resources did not change since the previous look ({@value #POLL_MILLIS} ms).</li>
 * </ul>
 * At most {@value #MAX_WAIT_SECONDS} s after the core started, the gate opens anyway (and logs what it waited for):
 * whatever comes later is added the usual way. Once open it stays open; modules installed later are added to the
 * running application one by one, as before. Readiness is unchanged: the API answers nothing before this, and
 * {@code /api/portal/ready} still checks every module's schema.
 */
@Component(immediate = true, service = ApplicationGate.class)
public class ApplicationGate {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationGate.class);
    /** The marker's property; {@link PortalApplication} waits for a service with it. */
    public static final String OPEN_PROPERTY = "union.portal.application.gate";
    /** Aries JAX-RS whiteboard's own property: the application is deployed only once a service matches this filter. */
    public static final String READY_FILTER_PROPERTY = "application.ready.service.filter";
    public static final String OPEN_FILTER = "(" + OPEN_PROPERTY + "=open)";
    static final long POLL_MILLIS = 150;
    static final long MAX_WAIT_SECONDS = 120;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "union-portal-application-gate");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger work = new AtomicInteger();
    private final BundleContext context;
    private final FeaturesService features;
    private final ServiceComponentRuntime scr;
    private final MigrationProblems problems;
    private final DeploymentListener deployments = e -> deploying = e != null && e != DeploymentEvent.DEPLOYMENT_FINISHED;
    private volatile boolean deploying;
    /** Set by the framework's event at the end of a start level change, or when no bundle is left to start. */
    private volatile boolean startLevelReached;
    /** When the framework stops, the application goes first, not after each of its resources. */
    private final SynchronousBundleListener shutdown = e -> {
        if (e.getBundle().getBundleId() == 0 && e.getType() == BundleEvent.STOPPING) {
            close();
        }
    };
    private final FrameworkListener startLevels = e -> {
        if (e.getType() == FrameworkEvent.STARTLEVEL_CHANGED && activeLevelCoversEveryBundle()) {
            startLevelReached = true;
        }
    };
    private volatile ServiceRegistration<Object> marker;
    private final long started;
    private Set<Long> lastResources = Set.of();

    @Activate
    public ApplicationGate(BundleContext context, @Reference FeaturesService features, @Reference ServiceComponentRuntime scr,
                           @Reference MigrationProblems problems) {
        this.context = context;
        this.features = features;
        this.scr = scr;
        this.problems = problems;
        this.started = System.nanoTime();
        features.registerListener(deployments);
        context.addFrameworkListener(startLevels);
        context.addBundleListener(shutdown);
        timer.scheduleWithFixedDelay(this::look, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(shutdown);
        timer.shutdownNow();
        features.unregisterListener(deployments);
        context.removeFrameworkListener(startLevels);
        close();
    }

    /** Takes the application down in one step (otherwise each resource that goes rebuilds it once more). */
    private void close() {
        ServiceRegistration<Object> m = marker;
        marker = null;
        if (m != null) {
            try {
                m.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
    }

    /**
     * Start-up work the application should wait for (a features installation the portal itself starts); close the
     * returned handle when it is done, whether it worked or not.
     */
    public AutoCloseable begin() {
        work.incrementAndGet();
        AtomicInteger once = new AtomicInteger();
        return () -> {
            if (once.getAndIncrement() == 0) {
                work.decrementAndGet();
            }
        };
    }

    boolean isOpen() {
        return marker != null;
    }

    private void look() {
        try {
            List<String> waitingFor = waitingFor();
            boolean late = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) >= MAX_WAIT_SECONDS;
            if (!waitingFor.isEmpty() && !late) {
                return;
            }
            if (!waitingFor.isEmpty()) {
                LOG.warn("Serving the portal application after {} s without waiting any longer for {}", MAX_WAIT_SECONDS, waitingFor);
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(OPEN_PROPERTY, "open");
            marker = context.registerService(Object.class, new Object(), props);
            LOG.info("Start-up settled: the portal application is deployed with every resource registered so far");
            timer.shutdown();
        } catch (IllegalStateException stopping) {
            timer.shutdown();
        } catch (RuntimeException e) {
            LOG.error("Application gate check failed", e);
        }
    }

    /** What the application still waits for (empty: open the gate). */
    private List<String> waitingFor() {
        List<String> waiting = new ArrayList<>();
        if (!startLevelReached) {
            if (anyBundleToStart()) {
                waiting.add("bundles still starting");
            } else {
                startLevelReached = true;
            }
        }
        if (deploying) {
            waiting.add("a features deployment");
        }
        if (work.get() > 0) {
            waiting.add("module installation at start");
        }
        waiting.addAll(unsatisfiedComponents());
        Set<Long> resources = resourceIds();
        if (!resources.equals(lastResources)) {
            waiting.add("resources still registering");
        }
        lastResources = resources;
        return waiting;
    }

    /**
     * Whether a bundle that is to start has not started yet: persistently started, neither a fragment nor lazy, and
     * installed, resolved or starting. (Karaf starts the framework at start level 1 and raises it afterwards, and
     * the active start level is no sure sign either, so the end of that raise is taken from its framework event.)
     */
    private boolean anyBundleToStart() {
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (b.getBundleId() == 0 || level == null || !level.isPersistentlyStarted() || isFragmentOrLazy(b)) {
                continue;
            }
            int state = b.getState();
            if (state == Bundle.INSTALLED || state == Bundle.RESOLVED || state == Bundle.STARTING) {
                return true;
            }
        }
        return false;
    }

    /** Karaf raises the start level in steps; the last step reaches the start level of every bundle to start. */
    private boolean activeLevelCoversEveryBundle() {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        if (framework == null) {
            return true;
        }
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level != null && level.isPersistentlyStarted() && level.getStartLevel() > framework.getStartLevel()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFragmentOrLazy(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null
                || String.valueOf(b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY)).contains(Constants.ACTIVATION_LAZY);
    }

    private List<String> unsatisfiedComponents() {
        List<String> names = new ArrayList<>();
        long core = context.getBundle().getBundleId();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            Bundle b = context.getBundle(d.bundle.id);
            if (b == null || b.getState() != Bundle.ACTIVE || !scr.isComponentEnabled(d)) {
                continue;
            }
            if ((d.bundle.id != core && !isJaxrsService(d)) || migrationFailed(b)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    names.add(d.name);
                }
            }
        }
        return names;
    }

    private static boolean isJaxrsService(ComponentDescriptionDTO d) {
        return d.properties != null && (isTrue(d.properties.get("osgi.jaxrs.resource")) || isTrue(d.properties.get("osgi.jaxrs.extension")));
    }

    private static boolean isTrue(Object value) {
        return value != null && "true".equalsIgnoreCase(String.valueOf(value));
    }

    private boolean migrationFailed(Bundle b) {
        String schema = b.getHeaders("").get(PortalDatabase.MIGRATIONS_HEADER);
        return schema != null && !schema.isBlank()
                && problems.of(schema.strip()).filter(p -> p.bundleId() == b.getBundleId()).isPresent();
    }

    private Set<Long> resourceIds() {
        Set<Long> ids = new TreeSet<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    ids.add((Long) r.getProperty("service.id"));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
