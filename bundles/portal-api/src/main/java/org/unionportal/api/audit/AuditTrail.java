package org.unionportal.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
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

    /**
     * Keeps many entries at once, all with the time now, on the caller's connection and transaction like
     * {@link #record}: for a bulk write that touches many records (a roster of 100,000 people), so that their
     * entries go to the database in a few JDBC batches instead of one statement each. The entries keep their order.
     * This default records them one by one; the portal's trail batches them.
     */
    default void recordAll(Connection c, Collection<AuditEntry> entries) throws SQLException {
        for (AuditEntry entry : entries) {
            record(c, entry);
        }
    }
}
