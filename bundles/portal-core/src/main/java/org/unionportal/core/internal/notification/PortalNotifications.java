package org.unionportal.core.internal.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.notification.Delivery;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Notifications;

/** The {@link Notifications} service on the outbox table; the {@link NotificationDispatcher} sends. */
@Component(service = Notifications.class)
public class PortalNotifications implements Notifications {

    @Override
    public boolean queue(Connection c, Notification notification) throws SQLException {
        return Outbox.insert(c, notification, new Delivery(Outbox.PENDING, 0, null, Instant.now(), null, null));
    }

    @Override
    public boolean isQueued(Connection c, String module, String dedupKey) throws SQLException {
        return Outbox.exists(c, module, dedupKey);
    }

    @Override
    public boolean adopt(Connection c, Notification notification, Delivery delivery) throws SQLException {
        String status = delivery.status() != null && Outbox.STATUSES.contains(delivery.status()) ? delivery.status() : Outbox.PENDING;
        Instant created = delivery.createdAt() == null ? Instant.now() : delivery.createdAt();
        return Outbox.insert(c, notification, new Delivery(status, Math.max(0, delivery.attempts()), delivery.lastError(), created,
                delivery.sentAt(), delivery.sender()));
    }
}
