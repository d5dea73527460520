package org.unionportal.core.internal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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
        AuditStore.insert(c, clock.instant(), e.actor().userId(), e.actor().username(), e.module(), e.recordType(), e.recordId(),
                e.action(), e.orgPath(), AuditChanges.of(e.before(), e.after()));
    }
}
