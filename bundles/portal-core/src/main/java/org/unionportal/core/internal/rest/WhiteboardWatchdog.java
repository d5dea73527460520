package org.unionportal.core.internal.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.rest.PortalRest;

/**
 * Aries JAX-RS whiteboard 2.0.2 (the latest release) sometimes loses a service that registers
 * while it is still creating itself at start-up: component-dsl throws a
 * ConcurrentModificationException and the lost service is then neither deployed nor failed. When it
 * is the portal application, /api never answers (seen on restarts in CI and in the benchmark); when it
 * is a resource, that module's REST paths answer 404 for good (seen in the benchmark on a start with
 * existing data: {@code /api/mutual-aid/plans}). When the application, or a registered resource, is
 * missing from the runtime well after start, this restarts the whiteboard bundle, at most twice; the
 * restarted whiteboard picks up every registered service again.
 */
@Component(immediate = true, service = {})
public class WhiteboardWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardWatchdog.class);
    static final long GRACE_SECONDS = 20;
    /**
     * A resource lost by the race stays lost; one being added waits while the whiteboard rebuilds the application,
     * which on a loaded machine can take tens of seconds: so a longer wait before calling it lost.
     */
    static final long RESOURCE_GRACE_SECONDS = 60;
    static final long CHECK_SECONDS = 5;
    static final long WATCH_SECONDS = 240;
    static final int MAX_RESTARTS = 2;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "union-portal-whiteboard-watchdog");
        t.setDaemon(true);
        return t;
    });
    /** Registered resources the runtime does not show (by service id), and since when. */
    private final Map<Long, Long> missingSince = new HashMap<>();
    private BundleContext context;
    private volatile ServiceReference<JaxrsServiceRuntime> runtimeRef;
    private volatile JaxrsServiceRuntime runtime;
    private volatile long runtimeSince;
    private int restarts;
    private long started;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRuntime(ServiceReference<JaxrsServiceRuntime> ref, JaxrsServiceRuntime service) {
        runtimeRef = ref;
        runtime = service;
        runtimeSince = System.nanoTime();
    }

    void unsetRuntime(JaxrsServiceRuntime service) {
        if (runtime == service) {
            runtime = null;
            runtimeRef = null;
        }
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        started = System.nanoTime();
        timer.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void check() {
        try {
            JaxrsServiceRuntime rt = runtime;
            ServiceReference<JaxrsServiceRuntime> ref = runtimeRef;
            if (seconds(started) > WATCH_SECONDS) {
                timer.shutdown();
                return;
            }
            if (rt == null || ref == null || seconds(runtimeSince) < GRACE_SECONDS) {
                return;
            }
            RuntimeDTO dto = rt.getRuntimeDTO();
            Status status = status(dto, PortalRest.APPLICATION_NAME);
            boolean resourceLost = status == Status.DEPLOYED && resourceLost(dto);
            if (status == Status.DEPLOYED && !resourceLost) {
                return; // looked at again until WATCH_SECONDS: a resource may still be lost
            }
            if ((status == Status.LOST || resourceLost) && restarts < MAX_RESTARTS && ref.getBundle() != null) {
                restarts++;
                missingSince.clear();
                Bundle whiteboard = ref.getBundle();
                LOG.warn("The JAX-RS whiteboard lost {} at start-up (a known Aries 2.0.2 race); restarting {} (attempt {} of {})",
                        resourceLost ? "a registered resource" : "the portal application", whiteboard.getSymbolicName(),
                        restarts, MAX_RESTARTS);
                whiteboard.stop(Bundle.STOP_TRANSIENT);
                whiteboard.start(Bundle.START_TRANSIENT);
            } else if ((status == Status.LOST || resourceLost) && restarts >= MAX_RESTARTS) {
                LOG.error("The JAX-RS whiteboard still lacks {} after {} restarts; restart the portal",
                        resourceLost ? "a registered resource" : "the portal application", restarts);
                timer.shutdown();
            }
        } catch (BundleException | InvalidSyntaxException | RuntimeException e) {
            LOG.error("Whiteboard check failed", e);
        }
    }

    /** Whether a resource registered as a service has been missing from the runtime for the grace period. */
    private boolean resourceLost(RuntimeDTO dto) throws InvalidSyntaxException {
        Set<Long> registered = new HashSet<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            registered.add((Long) r.getProperty(Constants.SERVICE_ID));
        }
        Set<Long> missing = missingResources(dto, registered);
        long now = System.nanoTime();
        missingSince.keySet().retainAll(missing);
        missing.forEach(id -> missingSince.putIfAbsent(id, now));
        return missingSince.values().stream().anyMatch(since -> seconds(since) >= RESOURCE_GRACE_SECONDS);
    }

    /** The registered resources (service ids) that the runtime shows neither as served nor as failed. */
    static Set<Long> missingResources(RuntimeDTO dto, Set<Long> registered) {
        Set<Long> known = new HashSet<>();
        List<ApplicationDTO> applications = new ArrayList<>();
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            applications.addAll(Arrays.asList(dto.applicationDTOs));
        }
        for (ApplicationDTO a : applications) {
            for (ResourceDTO r : a.resourceDTOs == null ? new ResourceDTO[0] : a.resourceDTOs) {
                known.add(r.serviceId);
            }
        }
        for (BaseDTO r : dto.failedResourceDTOs == null ? new BaseDTO[0] : dto.failedResourceDTOs) {
            known.add(r.serviceId);
        }
        Set<Long> missing = new TreeSet<>(registered);
        missing.removeAll(known);
        return missing;
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    /** DEPLOYED; FAILED (the whiteboard knows it but cannot serve it yet, e.g. an extension is missing); LOST. */
    enum Status { DEPLOYED, FAILED, LOST }

    static Status status(RuntimeDTO dto, String applicationName) {
        if (dto != null && dto.applicationDTOs != null
                && Arrays.stream(dto.applicationDTOs).anyMatch(a -> applicationName.equals(a.name))) {
            return Status.DEPLOYED;
        }
        if (dto != null && dto.failedApplicationDTOs != null
                && Arrays.stream(dto.failedApplicationDTOs).anyMatch(a -> applicationName.equals(a.name))) {
            return Status.FAILED;
        }
        return Status.LOST;
    }

}
