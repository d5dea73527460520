package org.unionportal.core.internal.switches;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.store.Organisation;

/**
 * {@code /api/portal/module-switches}: district admins switch installed modules on and off for their
 * own subtree, platform admins for any. {@code GET ?orgId=} lists the modules with their state at an
 * organisation (the caller's own by default) and the markers the caller may see; {@code PUT
 * /{orgId}/{module}} switches a module off there, {@code DELETE /{orgId}/{module}} clears that
 * organisation's marker; {@code GET /log} lists the changes in the caller's subtree.
 */
@Component(service = ModuleSwitchResource.class)
@PortalResource
@Path("/portal/module-switches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
public class ModuleSwitchResource {
    private static final int LOG_LIMIT = 200;

    @Reference
    ModuleSwitches switches;

    @GET
    public Map<String, Object> list(@QueryParam("orgId") Long orgId, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Organisation org = switches.organisationOf(user, orgId == null ? user.orgId() : orgId);
        return view(user, org);
    }

    @PUT
    @Path("/{orgId}/{module}")
    public Map<String, Object> switchOff(@PathParam("orgId") long orgId, @PathParam("module") String module,
                                         @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Organisation org = switches.organisationOf(user, orgId);
        switches.switchOff(user, org, module);
        return view(user, org);
    }

    @DELETE
    @Path("/{orgId}/{module}")
    public Map<String, Object> switchOn(@PathParam("orgId") long orgId, @PathParam("module") String module,
                                        @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Organisation org = switches.organisationOf(user, orgId);
        SwitchRules.OnOutcome outcome = switches.switchOn(user, org, module);
        Map<String, Object> view = view(user, org);
        view.put("outcome", outcome.name());
        return view;
    }

    @GET
    @Path("/log")
    public List<SwitchStore.LogEntry> log(@Context SecurityContext context) {
        return switches.log(CurrentUser.of(context.getUserPrincipal()), LOG_LIMIT);
    }

    private Map<String, Object> view(PortalUser user, Organisation org) {
        Map<String, Object> view = new LinkedHashMap<>();
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("id", org.id());
        organisation.put("name", org.name());
        organisation.put("path", org.path());
        view.put("organisation", organisation);
        view.put("modules", switches.states(user, org));
        view.put("markers", switches.markersFor(user));
        return view;
    }
}
