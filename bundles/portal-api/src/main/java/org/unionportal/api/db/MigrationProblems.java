package org.unionportal.api.db;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Why a started bundle's schema has no {@link PortalDatabase} service: its migrations failed, or the bundle was
 * refused as a downgrade (its highest migration is lower than the version the database records for its schema;
 * nothing is touched, the module stays off until a version at least as new is installed). The persistence bundle
 * registers the one service of this type; readiness and health report what it says. Migrations cut off by a lost
 * database connection are {@link #MIGRATION_RETRYING} while the persistence bundle tries them again (since 1.4).
 *
 * @since 1.2
 */
@ProviderType
public interface MigrationProblems {
    String MIGRATION_FAILED = "MIGRATION_FAILED";
    String DOWNGRADE_REFUSED = "DOWNGRADE_REFUSED";
    /** Cut off by a lost database connection, not a wrong script: tried again, without a restart, until it is applied. */
    String MIGRATION_RETRYING = "MIGRATION_RETRYING";

    /** One schema's problem: its state (one of the constants above) and what to do, in English. */
    record Problem(String schema, long bundleId, String state, String detail) {
    }

    /** The problem of the last attempt to migrate {@code schema}, if it failed, was refused or is to be tried again. */
    Optional<Problem> of(String schema);
}
