package org.unionportal.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.module.ModuleInfo;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.Public;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.health.Readiness;
import org.unionportal.core.internal.menu.MenuRegistry;
import org.unionportal.core.internal.modules.BundleActivity;
import org.unionportal.core.internal.modules.ModuleRegistry;
import org.unionportal.core.internal.routes.RestRoute;
import org.unionportal.core.internal.routes.RouteCatalog;
import org.unionportal.core.internal.security.Accounts;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.Organisation;
import org.unionportal.core.internal.switches.ModuleSwitches;

/** The portal itself: health, menu, modules, the union tree, users. */
@Component(service = PortalInfoResource.class)
@org.unionportal.api.rest.PortalResource
@Path("/portal")
@Produces(MediaType.APPLICATION_JSON)
public class PortalInfoResource {
    @Reference
    Accounts accounts;
    @Reference
    MenuRegistry menu;
    @Reference
    ModuleRegistry modules;
    @Reference
    BundleActivity bundleActivity;
    @Reference
    RouteCatalog routes;
    @Reference
    ModuleSwitches switches;
    @Reference
    Readiness readiness;
    @Reference
    org.unionportal.core.internal.backup.Backups backups;

    /**
     * Answers only once the application, its extensions and the account base are up; DOWN (503) when the database
     * does not answer or a started module's migrations failed (see {@link #ready()}).
     */
    @GET
    @Path("/health")
    @Public
    public Response health() {
        Readiness.Report report = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "UP" : "DOWN");
        body.put("modules", modules.count());
        body.put("backup", backups.summary());
        if (!report.ready()) {
            body.put("database", report.database());
            body.put("schemas", report.schemas());
        }
        return Response.status(report.ready() ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }

    /**
     * For a load balancer: 200 when this node can serve (the database answers, every started module's schema is
     * migrated), 503 otherwise, so it stops sending requests to a broken node.
     */
    @GET
    @Path("/ready")
    @Public
    public Response ready() {
        Readiness.Report report = readiness.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "READY" : "NOT_READY");
        body.put("database", report.database());
        body.put("schemas", report.schemas());
        return Response.status(report.ready() ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }

    /** The caller's menu: entries of modules switched off for the caller's organisation are left out. */
    @GET
    @Path("/menu")
    public Map<String, Object> menu(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        if (!switches.anySwitchedOff()) {
            return Map.of("groups", menu.menuFor(user.roles()));
        }
        return Map.of("groups", menu.menuFor(user.roles(), c -> isOn(modules.moduleOfBundle(c.bundleId()), user)));
    }

    /** The installed modules the caller's organisation has not switched off. */
    @GET
    @Path("/modules")
    public List<Map<String, Object>> modules(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        return modules.modules().stream().filter(m -> isOn(m.id(), user)).map(PortalInfoResource::moduleView).toList();
    }

    private boolean isOn(String module, PortalUser user) {
        return module == null || !switches.isOff(module, user.orgPath());
    }

    static Map<String, Object> moduleView(ModuleInfo m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("nameZh", m.nameZh());
        view.put("nameEn", m.nameEn());
        view.put("version", m.version());
        view.put("state", m.state());
        view.put("bundleId", m.bundleId());
        view.put("symbolicName", m.symbolicName());
        view.put("restBases", m.restBases());
        view.put("pagesBase", m.pagesBase());
        view.put("menuEntries", m.menuEntries().stream().map(MenuRegistry::entryView).toList());
        return view;
    }

    @GET
    @Path("/organisations")
    public List<Organisation> organisations(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        return accounts.database().read(c -> AccountStore.subtree(c, user.orgPath()));
    }

    @GET
    @Path("/organisations/{id}")
    public Organisation organisation(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        // the same answer for "missing" and "not yours", so nothing leaks
        return DataScope.of(user).visible(accounts.database().read(c -> AccountStore.organisation(c, id)), Organisation::path,
                "organisation_not_found", Text.of("在您管辖的范围内没有编号为 " + id + " 的组织。",
                        "No organisation " + id + " in your part of the union tree."));
    }

    @GET
    @Path("/users")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public List<Map<String, Object>> users(@Context SecurityContext context) {
        return accounts.usersIn(CurrentUser.of(context.getUserPrincipal())).stream().map(UserViews::of).toList();
    }

    /** Bundles with how often each was started and stopped since the portal started: refreshes show here. */
    @GET
    @Path("/system/bundles")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public List<BundleActivity.BundleView> bundles() {
        return bundleActivity.bundles();
    }

    /** Every REST route served right now: method, template, module, who may call it. */
    @GET
    @Path("/system/routes")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public List<RestRoute> routes() {
        return routes.routes();
    }
}
