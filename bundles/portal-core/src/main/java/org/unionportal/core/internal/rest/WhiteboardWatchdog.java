package org.unionportal.core.internal.rest;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
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
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.rest.PortalRest;

/**
 * Aries JAX-RS whiteboard 2.0.2 (the latest release) sometimes loses a service that registers
 * while it is still creating itself at start-up: component-dsl throws a
 * ConcurrentModificationException and the portal application is then neither deployed nor failed,
 * so /api never answers (seen on restarts in CI and in the benchmark). When the application is
 * missing from the runtime well after start, this restarts the whiteboard bundle, at most twice;
 * the restarted whiteboard picks up every registered service again.
 */
@Component(immediate = true, service = {})
public class WhiteboardWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardWatchdog.class);
    static final long GRACE_SECONDS = 20;
    static final long CHECK_SECONDS = 5;
    static final long WATCH_SECONDS = 240;
    static final int MAX_RESTARTS = 2;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "union-portal-whiteboard-watchdog");
        t.setDaemon(true);
        return t;
    });
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
    void activate() {
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
            Status status = status(rt.getRuntimeDTO(), PortalRest.APPLICATION_NAME);
            if (status == Status.DEPLOYED) {
                timer.shutdown();
                return;
            }
            if (status == Status.LOST && restarts < MAX_RESTARTS && ref.getBundle() != null) {
                restarts++;
                Bundle whiteboard = ref.getBundle();
                LOG.warn("The JAX-RS whiteboard lost the portal application at start-up (a known Aries 2.0.2 race); "
                        + "restarting {} (attempt {} of {})", whiteboard.getSymbolicName(), restarts, MAX_RESTARTS);
                whiteboard.stop(Bundle.STOP_TRANSIENT);
                whiteboard.start(Bundle.START_TRANSIENT);
            } else if (status == Status.LOST && restarts >= MAX_RESTARTS) {
                LOG.error("The portal application is still not deployed after {} whiteboard restarts; restart the portal", restarts);
                timer.shutdown();
            }
        } catch (BundleException | RuntimeException e) {
            LOG.error("Whiteboard check failed", e);
        }
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
