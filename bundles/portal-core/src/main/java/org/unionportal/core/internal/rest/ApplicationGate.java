package org.unionportal.core.internal.rest;

import java.util.Hashtable;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
 * in Aries' {@code application.ready.service.filter}, so the whiteboard deploys the application once the gate opens.
 * Every {@value #POLL_MILLIS} ms the gate looks at the framework and {@link StartupSettling} decides:
 * <ul>
 *   <li>nothing is in progress: the framework has raised its start level to the one Karaf asked for (on existing
 *       data the start level thread starts the modules, and a bundle is ACTIVE before the extenders, SCR among them,
 *       have seen it start: only the end of the raise says their components are registered), no bundle is
 *       starting, no Karaf features deployment runs, and no start-up work announced with {@link #begin} runs (the
 *       module choice installing module features on a fresh start, the cluster's wanted modules);</li>
 *   <li>the set of registered JAX-RS resources did not change since the previous look;</li>
 *   <li>and no enabled DS component of a started bundle that is a JAX-RS resource or extension, and no component of
 *       the core, waits for a reference; or, when some still wait while nothing else has happened for
 *       {@value #STALL_SECONDS} s, they wait for something that is not coming (the database was down when its pool
 *       was created, a module's migration failed) and are not waited for.</li>
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
    static final long STALL_SECONDS = 10;
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
    /** Optional: with the database down at start its extender never registers it, and the gate still opens. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MigrationProblems problems;
    private final DeploymentListener deployments = e -> deploying = e != null && e != DeploymentEvent.DEPLOYMENT_FINISHED;
    private volatile boolean deploying;
    /** When the framework stops, the application goes first, not after each of its resources. */
    private final SynchronousBundleListener shutdown = e -> {
        if (e.getBundle().getBundleId() == 0 && e.getType() == BundleEvent.STOPPING) {
            close();
        }
    };
    private volatile ServiceRegistration<Object> marker;
    private final StartupSettling settling;
    private final int targetStartLevel;

    @Activate
    public ApplicationGate(BundleContext context, @Reference FeaturesService features, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.features = features;
        this.scr = scr;
        this.settling = new StartupSettling(System.nanoTime(), TimeUnit.SECONDS.toMillis(STALL_SECONDS),
                TimeUnit.SECONDS.toMillis(MAX_WAIT_SECONDS));
        this.targetStartLevel = targetStartLevel(context);
        features.registerListener(deployments);
        context.addBundleListener(shutdown);
        timer.scheduleWithFixedDelay(this::look, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(shutdown);
        timer.shutdownNow();
        features.unregisterListener(deployments);
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

    /**
     * Whether the framework has reached the start level Karaf asked for and no features deployment runs: from then on,
     * an installed bundle that is not running is not merely waiting for its turn.
     */
    public boolean frameworkQuiet() {
        return !startLevelRising() && !deploying;
    }

    boolean isOpen() {
        return marker != null;
    }

    private void look() {
        try {
            long now = System.nanoTime();
            boolean rising = startLevelRising();
            boolean starting = anyBundleStarting();
            boolean startupWork = work.get() > 0;
            // While anything is in progress the gate waits whatever the components say, so SCR's descriptions of
            // every component (the most expensive part of a look, every 150 ms through the whole start) are read only
            // once nothing is in progress, or to name them when the longest wait is over.
            boolean busy = rising || starting || deploying || startupWork;
            Set<String> unsatisfied = busy && !settling.overdue(now) ? Set.of() : unsatisfiedComponents();
            StartupSettling.Look look = new StartupSettling.Look(rising, starting, deploying, startupWork, unsatisfied,
                    resourceIds());
            StartupSettling.Decision decision = settling.next(look, now);
            switch (decision.verdict()) {
                case WAIT:
                    return;
                case STALLED:
                    LOG.warn("Serving the portal application without waiting for {}: nothing has started or changed for {} s, "
                            + "so they wait for something that is not coming (the log above says why); they are added "
                            + "when they come", decision.waitingFor(), STALL_SECONDS);
                    break;
                case LATE:
                    LOG.warn("Serving the portal application after {} s without waiting any longer for {}", MAX_WAIT_SECONDS,
                            decision.waitingFor());
                    break;
                default:
                    break;
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

    /**
     * The start level Karaf raises the framework to: its launcher keeps {@code org.osgi.framework.startlevel.beginning}
     * as a system property and gives the framework a lower one (the level before its instance lock is taken).
     */
    private static int targetStartLevel(BundleContext context) {
        for (String value : new String[] {System.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL),
                context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL)}) {
            try {
                if (value != null) {
                    return Integer.parseInt(value.strip());
                }
            } catch (NumberFormatException ignored) {
                // the next source
            }
        }
        return 1;
    }

    /**
     * Whether the framework is still raising its start level. Felix sets the active start level to the target only
     * after the start level thread has started every bundle up to it, each start returning only after the bundle's
     * synchronous listeners (SCR creating its components, Karaf registering its commands) have seen it start.
     */
    private boolean startLevelRising() {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        return framework != null && framework.getStartLevel() < targetStartLevel;
    }

    /**
     * Whether a bundle is starting (a lazy one waits in STARTING for its first class load, so it does not count).
     * Bundles the start level thread has yet to start count as the start level rising; bundles a features
     * deployment installs, as the deployment; a bundle that failed to start is not waited for.
     */
    private boolean anyBundleStarting() {
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.STARTING && !isFragmentOrLazy(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFragmentOrLazy(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null
                || String.valueOf(b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY)).contains(Constants.ACTIVATION_LAZY);
    }

    private Set<String> unsatisfiedComponents() {
        Set<String> names = new TreeSet<>();
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
        MigrationProblems problems = this.problems;
        return schema != null && !schema.isBlank() && problems != null
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
