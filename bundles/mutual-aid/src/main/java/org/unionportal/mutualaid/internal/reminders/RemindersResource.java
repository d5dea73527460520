package org.unionportal.mutualaid.internal.reminders;

import java.util.Map;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Role;

/**
 * Platform administrators can run the cover-ending scan at once. The reminders themselves are in the portal's
 * outbox: {@code GET /api/portal/notifications?module=mutual-aid}.
 */
@Component(service = RemindersResource.class)
@PortalResource
@Path("/mutual-aid/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN)
public class RemindersResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    Notifications notifications;

    /** Runs the cover-ending scan now (it also runs every 6 hours): {@code {"queued": n}}. */
    @POST
    @Path("/scan-cover-ending")
    public Map<String, Object> scanCoverEnding() {
        return Map.of("queued", CoverEndingScan.scan(db, notifications, CoverEndingScan.today()));
    }
}
