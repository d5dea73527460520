package org.unionportal.core.internal.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;

/**
 * {@link ClusterEvents} over the table {@code PORTAL_CLUSTER_EVENT}, read every {@value #POLL_MILLIS} ms: each node
 * converges within about a second. Events are rare (switches, settings, ended sessions), so a poll is one indexed
 * read of a few rows. On PostgreSQL a publishing transaction also sends a {@code NOTIFY} ({@link Notifications}),
 * which makes the other nodes read at once; the polling stays as the fallback.
 *
 * <p>Ids are handed out at insert but become visible at commit, so a smaller id can appear after a larger one was
 * read. Each poll therefore reads again the last {@value #SLACK} ids below the highest seen and remembers which it
 * delivered. Events older than {@link #KEEP} are deleted by the cleaning job.
 */
@Component(service = ClusterEvents.class)
public class PolledClusterEvents implements ClusterEvents {
    static final long POLL_MILLIS = 1000;
    static final int SLACK = 100;
    public static final Duration KEEP = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(PolledClusterEvents.class);

    private final PortalDatabase db;
    private final String self;
    private final Clock clock;
    private final Map<String, List<Consumer<Event>>> listeners = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Event>>> ownToo = new ConcurrentHashMap<>();
    private final NavigableSet<Long> delivered = new TreeSet<>();
    private long highest;
    private ScheduledExecutorService poller;
    private Notifications notifications;

    @Activate
    public PolledClusterEvents(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                               @Reference ClusterNode node) {
        this(db, node.id(), Clock.systemUTC());
        start();
    }

    /** For tests: {@code self} names the node. The poller is not started; call {@link #pollOnce()}. */
    public PolledClusterEvents(PortalDatabase db, String self, Clock clock) {
        this.db = db;
        this.self = self;
        this.clock = clock;
        // start after what is there: earlier events were for nodes running then
        highest = db.read(c -> Jdbc.one(c, "SELECT MAX(ID) FROM PORTAL_CLUSTER_EVENT", rs -> rs.getLong(1))).orElse(0L);
        long from = highest - SLACK;
        delivered.addAll(db.read(c -> Jdbc.list(c, "SELECT ID FROM PORTAL_CLUSTER_EVENT WHERE ID > ?", rs -> rs.getLong(1), from)));
    }

    private void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-cluster-events");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.warn("Cluster events: cannot read now; will try again", e);
            }
        }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (Notifications.available(db)) {
            notifications = new Notifications(db, this::pollSoon);
            Thread listener = new Thread(notifications, "portal-cluster-notifications");
            listener.setDaemon(true);
            listener.start();
        }
    }

    /** Reads the table now, on the poller's thread (woken by a notification). */
    private void pollSoon() {
        ScheduledExecutorService p = poller;
        if (p != null && !p.isShutdown()) {
            p.execute(() -> {
                try {
                    pollOnce();
                } catch (RuntimeException e) {
                    LOG.warn("Cluster events: cannot read now; will try again", e);
                }
            });
        }
    }

    @Deactivate
    void stop() {
        if (notifications != null) {
            notifications.stop();
        }
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    @Override
    public void publish(Connection c, String topic, String payload) throws SQLException {
        Jdbc.update(c, "INSERT INTO PORTAL_CLUSTER_EVENT (TOPIC, PAYLOAD, ORIGIN, CREATED_AT) VALUES (?, ?, ?, ?)",
                topic, payload == null || payload.length() <= 2000 ? payload : payload.substring(0, 2000), self,
                Timestamp.from(clock.instant()));
        if (Notifications.available(db)) {
            Notifications.notify(c);
        }
    }

    @Override
    public void publish(String topic, String payload) {
        db.inTransaction(c -> {
            publish(c, topic, payload);
            return null;
        });
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<Event> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(topic, List.of()).remove(listener);
    }

    @Override
    public AutoCloseable subscribeIncludingOwn(String topic, Consumer<Event> listener) {
        ownToo.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> ownToo.getOrDefault(topic, List.of()).remove(listener);
    }

    /** Reads and delivers what is new; answers how many events of other nodes were delivered. */
    public synchronized int pollOnce() {
        long from = highest - SLACK;
        List<Event> events = db.read(c -> Jdbc.list(c, "SELECT ID, TOPIC, PAYLOAD, ORIGIN FROM PORTAL_CLUSTER_EVENT WHERE ID > ? ORDER BY ID",
                rs -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), from));
        int heard = 0;
        for (Event e : events) {
            highest = Math.max(highest, e.id());
            if (!delivered.add(e.id())) {
                continue;
            }
            boolean own = self.equals(e.origin());
            if (!own) {
                heard++;
                deliver(e, listeners.getOrDefault(e.topic(), List.of()));
            }
            deliver(e, ownToo.getOrDefault(e.topic(), List.of()));
        }
        delivered.headSet(highest - SLACK, true).clear();
        return heard;
    }

    private static void deliver(Event e, List<Consumer<Event>> to) {
        for (Consumer<Event> l : to) {
            try {
                l.accept(e);
            } catch (RuntimeException failure) {
                LOG.warn("Cluster events: a listener of '{}' failed", e.topic(), failure);
            }
        }
    }

    /** Whether this node is woken by PostgreSQL's notifications now (else it only polls). */
    public boolean notified() {
        return notifications != null && notifications.listening();
    }

    /** Deletes events older than {@link #KEEP}. */
    public static int deleteOld(Connection c, Instant now) throws SQLException {
        return Jdbc.update(c, "DELETE FROM PORTAL_CLUSTER_EVENT WHERE CREATED_AT < ?", Timestamp.from(now.minus(KEEP)));
    }
}
