package org.unionportal.api.db;

/**
 * The one place where SQL differs between Derby (embedded) and PostgreSQL. All other SQL the
 * portal writes is standard.
 */
public interface Dialect {
    /** A name such as {@code "derby"} or {@code "postgresql"}. */
    String name();

    /** Whether a {@link java.sql.SQLException} reports a unique or primary key violation. */
    boolean isUniqueViolation(java.sql.SQLException e);

    /** {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}, standard SQL that both databases accept. */
    default String page(long offset, int limit) {
        return " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY";
    }
}
