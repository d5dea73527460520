package org.unionportal.core.internal.settings;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.core.internal.cluster.ClusterEvents;

/**
 * Business settings shared by every node: the configurations named in {@value #SHARED_PROPERTY} of
 * {@code etc/org.unionportal.core.cfg} (by default the hardship-aid module's, with the safety-net threshold) live in
 * {@code PORTAL_SETTING} ({@code config:<pid>}). A change on one node (its {@code etc/} file, the console, the
 * shell) is written there and announced; the other nodes apply it through their own Configuration Admin, so the
 * module's components are updated as if it had been changed there (and Karaf writes it back to their {@code etc/}
 * files). A node starting with a recorded value takes it; the first node records its own.
 */
@Component(immediate = true, service = ConfigurationListener.class, configurationPid = "org.unionportal.core")
public class SharedSettings implements ConfigurationListener {
    static final String SHARED_PROPERTY = "cluster.sharedConfigurations";
    static final String DEFAULT_SHARED = "org.unionportal.hardshipaid";
    static final String PREFIX = "config:";
    private static final Logger LOG = LoggerFactory.getLogger(SharedSettings.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-shared-settings"));
    private final ConfigurationAdmin configAdmin;
    private final PortalDatabase db;
    private final ClusterEvents events;
    private final List<String> shared;
    private final AutoCloseable otherNodes;

    @Activate
    public SharedSettings(@Reference ConfigurationAdmin configAdmin,
                          @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)") PortalDatabase db,
                          @Reference ClusterEvents events, Map<String, Object> properties) {
        this.configAdmin = configAdmin;
        this.db = db;
        this.events = events;
        Object value = properties.getOrDefault(SHARED_PROPERTY, DEFAULT_SHARED);
        this.shared = Arrays.stream(String.valueOf(value).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        shared.forEach(pid -> executor.submit(() -> atStart(pid)));
        this.otherNodes = events.subscribe(ClusterEvents.SETTINGS, e -> executor.submit(() -> applyRecorded(e.payload())));
    }

    @Deactivate
    void deactivate() throws Exception {
        otherNodes.close();
        executor.shutdownNow();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getFactoryPid() == null && shared.contains(event.getPid())) {
            executor.submit(() -> recordLocal(event.getPid()));
        }
    }

    private void atStart(String pid) {
        try {
            if (recorded(pid).isPresent()) {
                applyRecorded(pid);
            } else {
                recordLocal(pid);
            }
        } catch (RuntimeException e) {
            LOG.error("Settings: could not share {}", pid, e);
        }
    }

    /** This node's value of {@code pid} becomes the cluster's, if it differs. */
    private void recordLocal(String pid) {
        try {
            Optional<String> local = local(pid);
            if (local.isEmpty()) {
                return; // nothing here (yet): nothing to share
            }
            boolean changed = db.inTransaction(c -> {
                if (local.get().equals(recordedIn(c, pid).orElse(null))) {
                    return false;
                }
                Timestamp now = Timestamp.from(Instant.now());
                if (Jdbc.update(c, "UPDATE PORTAL_SETTING SET SETTING_VALUE = ?, UPDATED_AT = ? WHERE NAME = ?", local.get(), now, PREFIX + pid) == 0) {
                    Jdbc.update(c, "INSERT INTO PORTAL_SETTING (NAME, SETTING_VALUE, UPDATED_AT) VALUES (?, ?, ?)", PREFIX + pid, local.get(), now);
                }
                events.publish(c, ClusterEvents.SETTINGS, pid);
                return true;
            });
            if (changed) {
                LOG.info("Settings: {} changed on this node; shared with the cluster", pid);
            }
        } catch (RuntimeException | IOException | InvalidSyntaxException e) {
            LOG.error("Settings: could not record {}", pid, e);
        }
    }

    /** The cluster's value of {@code pid} is applied here through Configuration Admin, if it differs. */
    private void applyRecorded(String pid) {
        if (!shared.contains(pid)) {
            return;
        }
        try {
            Optional<String> recorded = recorded(pid);
            if (recorded.isEmpty() || recorded.equals(local(pid))) {
                return;
            }
            Configuration configuration = configAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            Dictionary<String, Object> old = configuration.getProperties();
            if (old != null) {
                for (String key : SettingsCodec.BOOKKEEPING) {
                    if (old.get(key) != null && !"service.pid".equals(key)) {
                        properties.put(key, old.get(key)); // keeps the link to its etc/ file, which Karaf then rewrites
                    }
                }
            }
            SettingsCodec.decode(recorded.get()).forEach(properties::put);
            configuration.update(properties);
            LOG.info("Settings: {} follows the value another node recorded", pid);
        } catch (RuntimeException | IOException | InvalidSyntaxException e) {
            LOG.error("Settings: could not apply the cluster's {}", pid, e);
        }
    }

    private Optional<String> recorded(String pid) {
        return db.read(c -> recordedIn(c, pid));
    }

    private static Optional<String> recordedIn(java.sql.Connection c, String pid) throws java.sql.SQLException {
        return Jdbc.one(c, "SELECT SETTING_VALUE FROM PORTAL_SETTING WHERE NAME = ?", rs -> rs.getString(1), PREFIX + pid)
                .filter(v -> v != null);
    }

    private Optional<String> local(String pid) throws IOException, InvalidSyntaxException {
        Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            return Optional.empty();
        }
        return Optional.of(SettingsCodec.encode(found[0].getProperties()));
    }
}
