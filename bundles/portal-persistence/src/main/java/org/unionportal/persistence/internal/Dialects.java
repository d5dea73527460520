package org.unionportal.persistence.internal;

import java.sql.SQLException;
import java.util.Locale;
import org.unionportal.api.db.Dialect;

/** The dialect spot: what differs between Derby and PostgreSQL. */
final class Dialects {
    private Dialects() {
    }

    static Dialect forProduct(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        String key = name.contains("postgres") ? "postgresql" : name.contains("derby") ? "derby" : name;
        return new Dialect() {
            @Override
            public String name() {
                return key;
            }

            @Override
            public boolean isUniqueViolation(SQLException e) {
                // SQLSTATE 23505 is the standard code for a unique violation; Derby and PostgreSQL both use it.
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
