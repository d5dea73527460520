package org.unionportal.api.db;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The portal's database, for the core and for modules. The persistence bundle registers one
 * service of this type for each bundle that ships migrations, with the service property
 * {@value #SCHEMA_PROPERTY} set to the bundle's schema key, only after that bundle's migrations
 * have been applied. A module's component therefore references it with
 * {@code target = "(union.schema=<key>)"} and never sees a table before it exists.
 *
 * <p>Migrations are bundle resources {@code /db/migration/V<number>__<name>.sql}, found through
 * the manifest header {@value #MIGRATIONS_HEADER}{@code : <schema key>}. Each is applied once,
 * in order of its number, in one transaction, and recorded per schema. Uninstalling keeps the
 * tables and data; a later version of the bundle applies only its new migrations. An older version
 * (its highest migration below the schema's recorded version) is refused untouched and gets no
 * service; {@link MigrationProblems} says why.
 *
 * <p>Only the persistence bundle implements it; bundles use it.
 */
@ProviderType
public interface PortalDatabase {
    String SCHEMA_PROPERTY = "union.schema";
    String MIGRATIONS_HEADER = "Union-Migrations";

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. A
     * transaction the database chose as a deadlock victim is rolled back and run again (a few
     * times), so {@code work} must have no effects outside the database.
     */
    <T> T inTransaction(SqlWork<T> work);

    /** Runs read-only {@code work}. */
    <T> T read(SqlWork<T> work);

    /**
     * A number that grows after every committed {@link #inTransaction} call that changed data (a statement
     * that counted a row, DDL, a call), by any bundle of this portal process; a transaction that only read
     * leaves it alone. Read it before a query: a result kept under it is still current as long as it has
     * not changed. Writes by other processes sharing the database are not counted.
     *
     * @since 1.1
     */
    long writeGeneration();

    /** The few SQL differences between the databases the portal runs on. */
    Dialect dialect();
}
