package org.unionportal.core.internal.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** The notification outbox of the caller's part of the union tree, phones masked, newest first. */
@Component(service = NotificationsResource.class)
@PortalResource
@Path("/portal/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
public class NotificationsResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    /** One outbox row as administrators see it. */
    public record NotificationView(long id, String module, String kind, String recipientKind, String recipient, String phone,
                                   String message, String status, int attempts, String lastError, Instant createdAt,
                                   Instant sentAt, String sender) {
        static NotificationView of(Outbox.Row r) {
            return new NotificationView(r.id(), r.module(), r.kind(), r.recipient().kind().name(), r.recipient().reference(),
                    Masking.phone(r.phone()), r.message(), r.status(), r.attempts(), r.lastError(), r.createdAt(), r.sentAt(),
                    r.sender());
        }
    }

    /** {@code {"total": n, "items": [...]}}; {@code status} PENDING, SENT or FAILED. */
    @GET
    public Response list(@QueryParam("module") String module, @QueryParam("status") String status,
                         @QueryParam("kind") String kind, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                         @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        String s = blankToNull(status);
        if (s != null && !Outbox.STATUSES.contains(s)) {
            throw ProblemException.badRequest("status_unknown",
                    Text.of("状态只能是 PENDING、SENT 或 FAILED。", "status must be PENDING, SENT or FAILED."));
        }
        Outbox.Filter filter = new Outbox.Filter(DataScope.of(user), blankToNull(module), s, blankToNull(kind));
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        Map<String, Object> answer = db.read(c -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("total", Outbox.count(c, filter));
            a.put("items", Outbox.list(c, filter, offset, limit).stream().map(NotificationView::of).toList());
            return a;
        });
        return Response.ok(answer).header("Cache-Control", "private, no-store").build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
