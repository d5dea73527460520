package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;

/**
 * For modules' unit tests (this bundle's test-jar, with {@link ModuleTestDatabase}): the portal's audit trail as the
 * module sees it, in memory, every entry as given. (Not transactional, and it keeps unchanged fields too: the
 * portal's own tests cover both.)
 */
public final class FakeAuditTrail implements AuditTrail {
    public final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void record(Connection c, AuditEntry entry) {
        entries.add(entry);
    }
}
