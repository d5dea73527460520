package org.unionportal.core.internal.notification;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.notification.spi.MessageSender;

/**
 * Sends the outbox: every {@value #SEND_EVERY_SECONDS} seconds a {@link DispatchRound} with the best
 * {@link MessageSender} service or the built-in log sender, on one daemon thread stopped at deactivation.
 */
@Component(immediate = true, service = NotificationDispatcher.class)
public class NotificationDispatcher {
    static final long SEND_EVERY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    @Reference
    org.unionportal.core.internal.cluster.ClusterNode node;

    private final SenderRegistry senders = new SenderRegistry();
    private ScheduledExecutorService scheduler;

    @Reference(service = MessageSender.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSender", updated = "updatedSender")
    void addSender(MessageSender sender, Map<String, Object> properties) {
        senders.add(sender, properties);
        LOG.info("Notifications: sender '{}' registered; now sending with '{}'", SenderRegistry.nameOf(sender), activeSender());
    }

    void updatedSender(MessageSender sender, Map<String, Object> properties) {
        senders.add(sender, properties);
    }

    void removeSender(MessageSender sender) {
        senders.remove(sender);
        LOG.info("Notifications: sender '{}' gone; now sending with '{}'", SenderRegistry.nameOf(sender), activeSender());
    }

    /** The name of the sender messages go through now. */
    public String activeSender() {
        return SenderRegistry.nameOf(senders.bestOr(LogSender.INSTANCE));
    }

    @Activate
    void activate() {
        DispatchRound round = new DispatchRound(db, () -> senders.bestOr(LogSender.INSTANCE), Clock.systemUTC(), node.id());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-notifications");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.runOnce();
            } catch (RuntimeException | LinkageError e) {
                if (!Thread.currentThread().isInterrupted()) {
                    LOG.warn("Notifications: cannot send now; will try again", e);
                }
            }
        }, SEND_EVERY_SECONDS, SEND_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        ExecutorService s = scheduler;
        scheduler = null;
        if (s == null) {
            return;
        }
        s.shutdownNow();
        try {
            if (!s.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Notifications: the dispatcher thread did not stop within 10 s (a sender is blocking)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
