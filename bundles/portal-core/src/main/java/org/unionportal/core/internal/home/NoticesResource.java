package org.unionportal.core.internal.home;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/**
 * Notices (通知公告): city and district administrators publish to their organisation's subtree; everyone sees those
 * that reach their organisation. Withdrawing keeps the row (and the audit entry) but hides it.
 */
@Component(service = NoticesResource.class)
@PortalResource
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticesResource {
    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 4000;
    private static final Text NOT_FOUND = Text.of("在您管辖的范围内没有这条通知。", "There is no such notice in your part of the union tree.");

    private final PortalDatabase db;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public NoticesResource(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                           @Reference AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    public record NoticeDraft(String title, String body) {
    }

    /** The notices for the caller: published at its organisation or above, newest first. */
    @GET
    public Response reaching(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        List<Notice> notices = db.read(c -> NoticeStore.reaching(c, DataScope.of(user), 20));
        return noStore(notices);
    }

    /** What an administrator manages: the notices published in its subtree, withdrawn ones too. */
    @GET
    @Path("/managed")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public Response managed(@Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        return noStore(db.read(c -> NoticeStore.publishedIn(c, DataScope.of(user), 100)));
    }

    @POST
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(NoticeDraft draft, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        NoticeDraft d = draft == null ? new NoticeDraft(null, null) : draft;
        new Validation()
                .requireText(d.title(), "title", TITLE_MAX)
                .requireText(d.body(), "body", BODY_MAX)
                .throwIfInvalid();
        Notice notice = db.inTransaction(c -> {
            long id = NoticeStore.publish(c, user.orgId(), user.orgPath(), d.title().strip(), d.body().strip(),
                    user.username(), displayName(user), clock.instant());
            audit.record(c, AuditEntry.of("portal", "notice", String.valueOf(id), "PUBLISH", user.orgPath(), Actor.of(user))
                    .changes(Map.of(), Map.of("title", d.title().strip())));
            return NoticeStore.byId(c, id).orElseThrow();
        });
        return Response.status(201).entity(notice).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public Response withdraw(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        db.inTransaction(c -> {
            Notice notice = DataScope.of(user).visible(NoticeStore.byId(c, id), Notice::orgPath, "notice_not_found", NOT_FOUND);
            if (NoticeStore.withdraw(c, id, clock.instant())) {
                audit.record(c, AuditEntry.of("portal", "notice", String.valueOf(id), "WITHDRAW", notice.orgPath(), Actor.of(user)));
            }
            return null;
        });
        return Response.noContent().build();
    }

    private static String displayName(PortalUser user) {
        String name = user.displayName();
        return name == null || name.isBlank() ? user.username() : name;
    }

    private static Response noStore(Object entity) {
        return Response.ok(entity).header("Cache-Control", "no-store").build();
    }
}
