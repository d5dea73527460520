package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.notification.Delivery;
import org.unionportal.api.notification.Notification;
import org.unionportal.api.notification.Notifications;

/**
 * For modules' unit tests (this bundle's test-jar, with {@link ModuleTestDatabase}): the portal's outbox as the
 * module sees it, in memory: de-duplicated per module and key. (Not transactional:
 * the portal's own tests cover that a rolled-back change queues nothing.)
 */
public final class FakeNotifications implements Notifications {
    public final List<Notification> queued = new ArrayList<>();
    public final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public boolean queue(Connection c, Notification n) {
        return adopt(c, n, new Delivery("PENDING", 0, null, null, null, null));
    }

    @Override
    public boolean isQueued(Connection c, String module, String dedupKey) {
        return queued.stream().anyMatch(n -> n.module().equals(module) && n.dedupKey().equals(dedupKey));
    }

    @Override
    public boolean adopt(Connection c, Notification n, Delivery delivery) {
        if (isQueued(c, n.module(), n.dedupKey())) {
            return false;
        }
        queued.add(n);
        deliveries.add(delivery);
        return true;
    }

    public List<String> keys() {
        return queued.stream().map(Notification::dedupKey).toList();
    }
}
