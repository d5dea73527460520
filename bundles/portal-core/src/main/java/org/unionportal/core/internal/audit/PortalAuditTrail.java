package org.unionportal.core.internal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;

/** The {@link AuditTrail} service on {@code PORTAL_AUDIT_ENTRY}. */
@Component(service = AuditTrail.class)
public class PortalAuditTrail implements AuditTrail {
    private final Clock clock;

    public PortalAuditTrail() {
        this(Clock.systemUTC());
    }

    PortalAuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void record(Connection c, AuditEntry e) throws SQLException {
        AuditStore.insert(c, clock.instant(), row(e));
    }

    /**
     * Many rows per statement (see {@link AuditStore#insertAll}): a roster's 100,000 entries are not 100,000 statements.
     * Rows are made one chunk at a time: 100,000 rows' change JSON at once does not fit the portal's heap.
     */
    @Override
    public void recordAll(Connection c, Collection<AuditEntry> entries) throws SQLException {
        Instant at = clock.instant();
        List<AuditStore.NewRow> rows = new ArrayList<>(Math.min(entries.size(), AuditStore.BATCH_CHUNK));
        for (AuditEntry e : entries) {
            rows.add(row(e));
            if (rows.size() == AuditStore.BATCH_CHUNK) {
                AuditStore.insertAll(c, at, rows);
                rows.clear();
            }
        }
        AuditStore.insertAll(c, at, rows);
    }

    private static AuditStore.NewRow row(AuditEntry e) {
        return new AuditStore.NewRow(e.actor().userId(), e.actor().username(), e.module(), e.recordType(), e.recordId(),
                e.action(), e.orgPath(), AuditChanges.of(e.before(), e.after()));
    }
}
