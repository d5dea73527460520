package org.unionportal.core.internal.routes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.unionportal.api.module.PortalModules;
import org.unionportal.api.rest.PortalResources;
import org.unionportal.api.rest.PortalRest;

/**
 * The one reader of the JAX-RS whiteboard's resource services: a {@link ServiceTracker} on every
 * {@code osgi.jaxrs.resource=true} service, keeping per service id the registering module and the class
 * named by its objectClass (loaded by that bundle, without getting the service). {@link RouteCatalog}
 * finds the resources of the runtime's DTO here; other bundles (the API description) get the portal
 * application's resources as {@link PortalResources}.
 */
@Component(service = {PortalResources.class, WhiteboardResources.class})
public class WhiteboardResources implements PortalResources {
    /** A resource service as tracked: its module, its class when objectClass names one, whether it selects the portal. */
    private record Tracked(String module, Optional<Class<?>> type, boolean portal, ServiceReference<Object> ref) {
    }

    private final Map<Long, Tracked> byServiceId = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private BundleContext context;
    private ServiceTracker<Object, ServiceReference<Object>> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        tracker = new ServiceTracker<>(context, context.createFilter("(osgi.jaxrs.resource=true)"), new Customizer());
        tracker.open(true); // every resource, whatever class space it registered from
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        byServiceId.clear();
    }

    @Override
    public List<Resource> current() {
        return byServiceId.values().stream().filter(t -> t.portal() && t.type().isPresent())
                .map(t -> new Resource(t.module(), t.type().get())).toList();
    }

    @Override
    public long changes() {
        return changes.get();
    }

    /**
     * The resource service with this id (of any application): its module and class; for one registered under an
     * interface or Object, the class of the service object itself. Empty when it is gone.
     */
    public Optional<Resource> byServiceId(long serviceId) {
        Tracked t = byServiceId.get(serviceId);
        if (t == null) {
            return Optional.empty();
        }
        return t.type().or(() -> instanceClass(t.ref())).map(type -> new Resource(t.module(), type));
    }

    static boolean selectsPortal(Object select) {
        if (select instanceof String[] filters) {
            return List.of(filters).contains(PortalRest.APPLICATION_SELECT);
        }
        return PortalRest.APPLICATION_SELECT.equals(select);
    }

    static String module(Bundle bundle) {
        return Optional.ofNullable(bundle.getHeaders("").get(PortalModules.MODULE_HEADER))
                .map(String::strip).filter(id -> !id.isEmpty()).orElse(CORE);
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {
        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> ref) {
            return track(ref) ? ref : null;
        }

        @Override
        public void modifiedService(ServiceReference<Object> ref, ServiceReference<Object> tracked) {
            track(ref);
        }

        @Override
        public void removedService(ServiceReference<Object> ref, ServiceReference<Object> tracked) {
            Tracked gone = byServiceId.remove(serviceId(ref));
            if (gone != null && gone.portal()) {
                changes.incrementAndGet();
            }
        }
    }

    private boolean track(ServiceReference<Object> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return false;
        }
        Tracked t = new Tracked(module(bundle), resourceClass(ref, bundle),
                selectsPortal(ref.getProperty("osgi.jaxrs.application.select")), ref);
        Tracked before = byServiceId.put(serviceId(ref), t);
        if (t.portal() || (before != null && before.portal())) {
            changes.incrementAndGet();
        }
        return true;
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty("service.id");
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

    /** For a resource registered under an interface or Object: the class of the service object itself. */
    private Optional<Class<?>> instanceClass(ServiceReference<Object> ref) {
        ServiceObjects<Object> objects = context.getServiceObjects(ref);
        Object service = objects == null ? null : objects.getService();
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(service.getClass());
        } finally {
            objects.ungetService(service);
        }
    }
}
