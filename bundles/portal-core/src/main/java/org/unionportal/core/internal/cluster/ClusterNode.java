package org.unionportal.core.internal.cluster;

import java.net.InetAddress;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;

/**
 * This portal process among the nodes sharing the database: a name for leases, claims and events, unique per
 * start (host, process id and a random part), so a restarted node never mistakes an old lease for its own.
 */
@Component(service = ClusterNode.class)
public class ClusterNode {
    private final String id = newId();

    public String id() {
        return id;
    }

    static String newId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String id = host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 200 ? id : id.substring(id.length() - 200);
    }
}
