package org.unionportal.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records changes, an OSGi service. {@link #record} runs on the caller's connection inside the caller's
 * transaction, so an entry exists exactly when the change it describes was committed; call it in the same
 * {@code PortalDatabase.inTransaction} as the write, after the write.
 */
@ProviderType
public interface AuditTrail {
    /** Keeps the entry with the time now; only the fields whose values differ between before and after are kept. */
    void record(Connection c, AuditEntry entry) throws SQLException;
}
