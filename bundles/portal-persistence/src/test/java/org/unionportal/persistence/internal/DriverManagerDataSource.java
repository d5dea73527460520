package org.unionportal.persistence.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The smallest DataSource over DriverManager, for tests. */
record DriverManagerDataSource(String url) implements TestDataSource {
    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
