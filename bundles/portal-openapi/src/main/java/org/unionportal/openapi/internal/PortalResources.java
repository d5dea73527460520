package org.unionportal.openapi.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.unionportal.api.module.PortalModules;
import org.unionportal.api.rest.PortalRest;

/**
 * The JAX-RS resources registered for the portal application right now: a {@link ServiceTracker} on every
 * {@code osgi.jaxrs.resource=true} service that selects the portal application. swagger-core does not find
 * whiteboard resources itself (it scans packages or an {@code Application}); this hands it their classes,
 * loaded by the registering bundle, without getting (and so activating) the services. {@link #changes()} moves
 * whenever a resource comes or goes, so the description is rebuilt only then.
 */
@Component(service = PortalResources.class)
public class PortalResources {
    static final String CORE = "core";

    private final AtomicLong changes = new AtomicLong();
    private ServiceTracker<Object, ResourceClass> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter("(osgi.jaxrs.resource=true)"), new Customizer());
        tracker.open(true); // every resource, whatever class space it registered from
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The portal application's resources, in no particular order. */
    public List<ResourceClass> current() {
        return List.copyOf(tracker.getTracked().values());
    }

    /** A number that changes whenever a resource of the portal application comes or goes. */
    public long changes() {
        return changes.get();
    }

    static boolean selectsPortal(Object select) {
        if (select instanceof String[] filters) {
            return List.of(filters).contains(PortalRest.APPLICATION_SELECT);
        }
        return PortalRest.APPLICATION_SELECT.equals(select);
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, ResourceClass> {
        @Override
        public ResourceClass addingService(ServiceReference<Object> ref) {
            Bundle bundle = ref.getBundle();
            if (bundle == null || !selectsPortal(ref.getProperty("osgi.jaxrs.application.select"))) {
                return null;
            }
            Optional<Class<?>> type = resourceClass(ref, bundle);
            if (type.isEmpty()) {
                return null;
            }
            String module = Optional.ofNullable(bundle.getHeaders("").get(PortalModules.MODULE_HEADER))
                    .map(String::strip).filter(id -> !id.isEmpty()).orElse(CORE);
            changes.incrementAndGet();
            return new ResourceClass(module, type.get());
        }

        @Override
        public void modifiedService(ServiceReference<Object> ref, ResourceClass resource) {
            changes.incrementAndGet();
        }

        @Override
        public void removedService(ServiceReference<Object> ref, ResourceClass resource) {
            changes.incrementAndGet();
        }
    }

    /** The class named by the service's objectClass (the portal's resources register as their own class). */
    private static Optional<Class<?>> resourceClass(ServiceReference<?> ref, Bundle bundle) {
        if (ref.getProperty("objectClass") instanceof String[] names) {
            for (String name : names) {
                try {
                    Class<?> type = bundle.loadClass(name);
                    if (type != Object.class && !type.isInterface()) {
                        return Optional.of(type);
                    }
                } catch (ClassNotFoundException | IllegalStateException e) {
                    // not visible to the bundle, or the bundle is going away: try the next name
                }
            }
        }
        return Optional.empty();
    }
}
