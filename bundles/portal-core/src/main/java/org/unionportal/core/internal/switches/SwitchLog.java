package org.unionportal.core.internal.switches;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.core.internal.audit.AuditStore;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.core.internal.store.Organisation;

/**
 * Switch changes in the audit trail: one entry per change (record {@code <orgId>:<module>}, action
 * {@code SWITCH_OFF} / {@code SWITCH_ON}, under the organisation's path), and the log the switch page
 * shows, read from the trail and from the old PORTAL_MODULE_SWITCH_LOG rows.
 */
final class SwitchLog {
    static final String MODULE = "portal";
    static final String RECORD_TYPE = "module-switch";

    private SwitchLog() {
    }

    static AuditEntry entry(PortalUser user, Organisation org, String module, boolean on) {
        return AuditEntry.of(MODULE, RECORD_TYPE, recordId(org.id(), module), on ? "SWITCH_ON" : "SWITCH_OFF", org.path(),
                Actor.of(user)).changes(Map.of("on", !on), Map.of("on", on, "module", module, "orgId", org.id()));
    }

    static String recordId(long orgId, String module) {
        return orgId + ":" + module;
    }

    /** The trail's newest {@code limit} switch changes in the scope, as log lines. */
    static List<SwitchStore.LogEntry> fromTrail(Connection c, DataScope scope, int limit) throws SQLException {
        List<AuditStore.Row> rows = AuditStore.list(c, new AuditStore.Filter(scope, MODULE, RECORD_TYPE, null, null,
                null, null, null), 0, limit);
        Map<Long, String> names = new java.util.HashMap<>();
        for (Organisation o : AccountStore.subtree(c, scope.orgPath())) {
            names.put(o.id(), o.name());
        }
        List<SwitchStore.LogEntry> lines = new ArrayList<>();
        for (AuditStore.Row r : rows) {
            int colon = r.recordId().indexOf(':');
            long orgId = Long.parseLong(r.recordId().substring(0, colon));
            lines.add(new SwitchStore.LogEntry(r.id(), r.occurredAt(), r.username(), orgId, names.get(orgId),
                    r.recordId().substring(colon + 1), "SWITCH_ON".equals(r.action())));
        }
        return lines;
    }

    /** Both sources' lines, newest first, at most {@code limit}. */
    static List<SwitchStore.LogEntry> newestFirst(List<SwitchStore.LogEntry> legacy, List<SwitchStore.LogEntry> trail, int limit) {
        List<SwitchStore.LogEntry> all = new ArrayList<>(trail);
        all.addAll(legacy);
        all.sort(Comparator.comparing(SwitchStore.LogEntry::at).reversed());
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }
}
