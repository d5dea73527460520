package org.unionportal.persistence.internal;

import org.unionportal.api.db.DataAccessException;

/**
 * A bundle's highest migration is lower than the version its schema has in the database: an older version of
 * the module over newer data. Refused before anything is touched, since the older code does not know the newer
 * tables and the database keeps no way back.
 */
final class DowngradeRefused extends DataAccessException {
    private static final long serialVersionUID = 1L;

    DowngradeRefused(String message) {
        super(message, null);
    }
}
