package org.unionportal.core.internal.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.todo.WorkItem;
import org.unionportal.api.todo.WorkItems;

/**
 * The home page's data (工作台): the work waiting for the caller, as every registered {@link WorkItems} counts it
 * (the core names no module), and whom to contact — the administrators of the nearest organisation above or at the
 * caller's own — for a user with nothing to do.
 */
@Component(service = HomeResource.class)
@PortalResource
@Path("/home")
@Produces(MediaType.APPLICATION_JSON)
public class HomeResource {
    private static final Logger LOG = LoggerFactory.getLogger(HomeResource.class);

    private final List<WorkItems> sources = new CopyOnWriteArrayList<>();

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    @Reference(service = WorkItems.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSource")
    void addSource(WorkItems source) {
        sources.add(source);
    }

    void removeSource(WorkItems source) {
        sources.remove(source);
    }

    @GET
    public Response home(@Context SecurityContext context, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (WorkItems source : sources) {
            try {
                for (WorkItem item : source.itemsFor(user)) {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("module", source.moduleId());
                    view.put("code", item.code());
                    view.put("label", item.label().in(language));
                    view.put("count", item.count());
                    view.put("route", item.route());
                    items.add(view);
                }
            } catch (RuntimeException e) {
                // one module's failure must not take the home page with it; the page says which counts are missing
                LOG.warn("The work items of module {} failed", source.moduleId(), e);
                unavailable.add(source.moduleId());
            }
        }
        items.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("module")).thenComparing(m -> (String) m.get("code")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("unavailable", unavailable);
        answer.put("contacts", db.read(c -> Contacts.nearestAdministrators(c, user)));
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }
}
