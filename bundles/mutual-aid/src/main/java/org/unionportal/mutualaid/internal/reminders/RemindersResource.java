package org.unionportal.mutualaid.internal.reminders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/**
 * The reminder outbox of the user's part of the union tree, phones masked; platform administrators
 * can run the cover-ending scan at once.
 */
@Component(service = RemindersResource.class)
@PortalResource
@Path("/mutual-aid/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
public class RemindersResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;

    /** One outbox row as administrators see it. */
    public record ReminderView(long id, String kind, long memberId, String phone, String message, String status, int attempts,
                               String lastError, Instant createdAt, Instant sentAt, String sender) {
        static ReminderView of(Outbox.Row r) {
            return new ReminderView(r.id(), r.kind(), r.memberId(), Masking.phone(r.phone()), r.message(), r.status(),
                    r.attempts(), r.lastError(), r.createdAt(), r.sentAt(), r.sender());
        }
    }

    /** {@code {"total": n, "items": [...]}}, newest first; {@code status} PENDING, SENT or FAILED. */
    @GET
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                    @Context SecurityContext context) {
        PortalUser user = CurrentUser.of(context.getUserPrincipal());
        String s = blankToNull(status);
        if (s != null && !Outbox.STATUSES.contains(s)) {
            throw ProblemException.badRequest("status must be PENDING, SENT or FAILED.");
        }
        String k = blankToNull(kind);
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        return db.read(c -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("total", Outbox.count(c, user.subtreePattern(), s, k));
            answer.put("items", Outbox.list(c, user.subtreePattern(), s, k, offset, limit).stream().map(ReminderView::of).toList());
            return answer;
        });
    }

    /** Runs the cover-ending scan now (it also runs every 6 hours): {@code {"queued": n}}. */
    @POST
    @Path("/scan-cover-ending")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Map<String, Object> scanCoverEnding() {
        return Map.of("queued", CoverEndingScan.scan(db, CoverEndingScan.today()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
