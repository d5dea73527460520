package org.unionportal.api.notification;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The portal's notification outbox, an OSGi service.
 *
 * <p>Every method takes the caller's connection and works inside the caller's transaction
 * ({@code PortalDatabase.inTransaction}): a message exists exactly when the change it reports was committed.
 * A duplicate never fails the caller's transaction, also one queued at the same moment by another
 * transaction (the insert runs under a savepoint and a unique violation is rolled back to it).
 */
@ProviderType
public interface Notifications {

    /**
     * Queues a message unless one with the same module and de-duplication key was queued before (in any
     * status).
     *
     * @return true when the message was queued, false when its key was there already
     */
    boolean queue(Connection c, Notification notification) throws SQLException;

    /** Whether a message with this module and key was queued (in any status). */
    boolean isQueued(Connection c, String module, String dedupKey) throws SQLException;

    /**
     * Takes over one message of a module's own, older outbox with its status, so that pending ones are sent
     * and the keys of sent ones still count; false when its key is here already. For a module's one-time move.
     */
    boolean adopt(Connection c, Notification notification, Delivery delivery) throws SQLException;
}
