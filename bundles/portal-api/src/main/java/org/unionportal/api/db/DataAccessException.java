package org.unionportal.api.db;

/** An unexpected database failure; the portal answers 500 without details and logs the cause. */
public class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
