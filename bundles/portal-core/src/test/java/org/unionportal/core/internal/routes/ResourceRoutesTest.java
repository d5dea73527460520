package org.unionportal.core.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import org.junit.jupiter.api.Test;
import org.unionportal.api.rest.Public;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;

class ResourceRoutesTest {

    @Path("/things")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public static class Things {
        @GET
        public List<String> list() {
            return List.of();
        }

        @GET
        @Path("/{id: \\d+}")
        @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
        public String one(@PathParam("id") long id) {
            return "";
        }

        @GET
        @Path("/open")
        @Public
        public String open() {
            return "";
        }

        /** Not a resource method: no HTTP method. */
        public String helper() {
            return "";
        }
    }

    @Path("/free")
    public interface FreeApi {
        @DELETE
        @Path("{id}")
        void remove(@PathParam("id") long id);
    }

    public static class Free implements FreeApi {
        @Override
        public void remove(long id) {
        }

        @POST
        public void create() {
        }
    }

    @Test
    void everyResourceMethodWithItsTemplateAndAccess() {
        List<ResourceRoutes.Declared> routes = ResourceRoutes.of(Things.class);
        assertEquals(List.of(
                new ResourceRoutes.Declared("GET", "/things", new RouteAccess(RouteAccess.Kind.ROLES, List.of(Role.DISTRICT_ADMIN))),
                new ResourceRoutes.Declared("GET", "/things/open", RouteAccess.PUBLIC),
                new ResourceRoutes.Declared("GET", "/things/{id}",
                        new RouteAccess(RouteAccess.Kind.ROLES, List.of(Role.MEMBER, Role.UNION_OPERATOR)))), routes);
    }

    @Test
    void annotationsOfAnInterfaceCountAndNoRolesMeansAnySignedInUser() {
        assertEquals(List.of(
                new ResourceRoutes.Declared("POST", "/free", RouteAccess.SIGNED_IN),
                new ResourceRoutes.Declared("DELETE", "/free/{id}", RouteAccess.SIGNED_IN)), ResourceRoutes.of(Free.class));
    }

    @Test
    void accessDecidesLikeTheFilter() {
        RouteAccess staff = new RouteAccess(RouteAccess.Kind.ROLES, List.of(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN));
        assertTrue(staff.allows(Set.of(Role.MEMBER, Role.DISTRICT_ADMIN)));
        assertFalse(staff.allows(Set.of(Role.MEMBER)));
        assertTrue(RouteAccess.SIGNED_IN.allows(Set.of()));
        assertTrue(RouteAccess.PUBLIC.allows(Set.of()));
    }
}
