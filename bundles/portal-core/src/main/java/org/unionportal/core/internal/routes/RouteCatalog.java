package org.unionportal.core.internal.routes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.unionportal.api.rest.PortalResources;
import org.unionportal.api.rest.PortalRest;

/**
 * Every REST route the portal application serves right now: the whiteboard's runtime DTO says
 * which resource services are deployed and their methods and paths; {@link WhiteboardResources}
 * gives each one's class (who may call each method) and module. The one listing the admin endpoint
 * and the tests build on.
 */
@Component(service = RouteCatalog.class)
public class RouteCatalog {
    /** The module id of routes registered by a bundle without {@code Union-Module}. */
    public static final String CORE = PortalResources.CORE;

    private final WhiteboardResources resources;
    private volatile JaxrsServiceRuntime runtime;

    @Activate
    public RouteCatalog(@Reference WhiteboardResources resources) {
        this.resources = resources;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRuntime(JaxrsServiceRuntime runtime) {
        this.runtime = runtime;
    }

    void unsetRuntime(JaxrsServiceRuntime runtime) {
        if (this.runtime == runtime) {
            this.runtime = null;
        }
    }

    /** The live routes, sorted by path and method; empty while no whiteboard runs. */
    public List<RestRoute> routes() {
        JaxrsServiceRuntime rt = runtime;
        return rt == null ? List.of() : routes(rt.getRuntimeDTO(), resources::byServiceId);
    }

    /**
     * The routes of the portal application in {@code dto}; {@code services} finds a resource
     * service by its service id (empty when it is gone meanwhile, then its routes are left out).
     */
    public static List<RestRoute> routes(RuntimeDTO dto, LongFunction<Optional<PortalResources.Resource>> services) {
        List<RestRoute> routes = new ArrayList<>();
        if (dto == null || dto.applicationDTOs == null) {
            return routes;
        }
        for (ApplicationDTO app : dto.applicationDTOs) {
            if (!PortalRest.APPLICATION_NAME.equals(app.name) || app.resourceDTOs == null) {
                continue;
            }
            for (ResourceDTO resource : app.resourceDTOs) {
                services.apply(resource.serviceId).ifPresent(service -> routes.addAll(routes(resource, service)));
            }
        }
        routes.sort(Comparator.comparing(RestRoute::path).thenComparing(RestRoute::method));
        return routes;
    }

    static List<RestRoute> routes(ResourceDTO resource, PortalResources.Resource service) {
        Map<String, RouteAccess> declared = ResourceRoutes.of(service.type()).stream()
                .collect(Collectors.toMap(d -> d.method() + " " + d.path(), ResourceRoutes.Declared::access, (a, b) -> a));
        // what the class alone says, for a route the whiteboard knows but reflection does not
        RouteAccess classAccess = RouteAccess.of(null, service.type());
        List<RestRoute> routes = new ArrayList<>();
        for (ResourceMethodInfoDTO method : resource.resourceMethods == null ? new ResourceMethodInfoDTO[0] : resource.resourceMethods) {
            String path = RouteTemplates.normalize(method.path);
            RouteAccess access = declared.getOrDefault(method.method + " " + path, classAccess);
            routes.add(new RestRoute(method.method, RouteTemplates.join(PortalRest.APPLICATION_BASE, path),
                    RouteTemplates.parameters(path), service.module(), access.kind(), access.roles(),
                    list(method.consumingMimeType), list(method.producingMimeType)));
        }
        return routes;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
