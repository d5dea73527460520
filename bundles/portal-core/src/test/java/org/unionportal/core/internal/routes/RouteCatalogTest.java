package org.unionportal.core.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.unionportal.api.rest.PortalResources;
import org.unionportal.api.security.Role;

class RouteCatalogTest {

    private static ResourceMethodInfoDTO method(String httpMethod, String path, String... consumes) {
        ResourceMethodInfoDTO m = new ResourceMethodInfoDTO();
        m.method = httpMethod;
        m.path = path;
        m.consumingMimeType = consumes.length == 0 ? null : consumes;
        m.producingMimeType = new String[] {"application/json"};
        return m;
    }

    private static ResourceDTO resource(long serviceId, ResourceMethodInfoDTO... methods) {
        ResourceDTO r = new ResourceDTO();
        r.serviceId = serviceId;
        r.resourceMethods = methods;
        return r;
    }

    private static ApplicationDTO app(String name, ResourceDTO... resources) {
        ApplicationDTO a = new ApplicationDTO();
        a.name = name;
        a.resourceDTOs = resources;
        return a;
    }

    @Test
    void routesOfThePortalApplicationWithModuleAndAccess() {
        RuntimeDTO dto = new RuntimeDTO();
        dto.applicationDTOs = new ApplicationDTO[] {
            app(".default", resource(1, method("GET", "/elsewhere"))),
            app("union.portal",
                    resource(7, method("GET", "/things/{id: \\d+}"), method("GET", "/things"), method("GET", "/things/open")),
                    resource(8, method("DELETE", "/free/{id}"), method("POST", "/free", "application/json")),
                    resource(9, method("GET", "/gone")))};
        Map<Long, PortalResources.Resource> services = Map.of(
                1L, new PortalResources.Resource("other", ResourceRoutesTest.Things.class),
                7L, new PortalResources.Resource("things", ResourceRoutesTest.Things.class),
                8L, new PortalResources.Resource(RouteCatalog.CORE, ResourceRoutesTest.Free.class));

        List<RestRoute> routes = RouteCatalog.routes(dto, id -> Optional.ofNullable(services.get(id)));

        assertEquals(List.of(
                new RestRoute("POST", "/api/free", List.of(), "core", RouteAccess.Kind.SIGNED_IN, List.of(),
                        List.of("application/json"), List.of("application/json")),
                new RestRoute("DELETE", "/api/free/{id}", List.of("id"), "core", RouteAccess.Kind.SIGNED_IN, List.of(),
                        List.of(), List.of("application/json")),
                new RestRoute("GET", "/api/things", List.of(), "things", RouteAccess.Kind.ROLES, List.of(Role.DISTRICT_ADMIN),
                        List.of(), List.of("application/json")),
                new RestRoute("GET", "/api/things/open", List.of(), "things", RouteAccess.Kind.PUBLIC, List.of(),
                        List.of(), List.of("application/json")),
                new RestRoute("GET", "/api/things/{id}", List.of("id"), "things", RouteAccess.Kind.ROLES,
                        List.of(Role.MEMBER, Role.UNION_OPERATOR), List.of(), List.of("application/json"))), routes);
    }

    @Test
    void aRouteReflectionDoesNotFindTakesItsClassAccess() {
        List<RestRoute> routes = RouteCatalog.routes(resource(7, method("GET", "/things/located/deeper")),
                new PortalResources.Resource("things", ResourceRoutesTest.Things.class));
        assertEquals(RouteAccess.Kind.ROLES, routes.get(0).access());
        assertEquals(List.of(Role.DISTRICT_ADMIN), routes.get(0).roles());
    }

    @Test
    void noRuntimeNoRoutes() {
        assertEquals(List.of(), RouteCatalog.routes(new RuntimeDTO(), id -> Optional.empty()));
        assertEquals(List.of(), RouteCatalog.routes(null, id -> Optional.empty()));
    }
}
