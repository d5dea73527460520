package org.unionportal.persistence.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.unionportal.api.db.Dialect;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.db.SqlWork;

/**
 * For modules' unit tests (this bundle's test-jar): a real Derby database on disk with the module's own
 * migrations ({@code db/migration/V<n>__<name>.sql} of the module's classes folder on the test classpath) applied
 * by the portal's {@link Migrator}, behind the portal's {@link SqlDatabase} (one transaction per call, deadlock
 * victims run again). So a module's tests see the schema and the transaction behaviour the portal gives it, and
 * a new migration needs no list to be kept in step.
 */
public class ModuleTestDatabase implements PortalDatabase {
    private final String url;
    private final SqlDatabase database;

    protected ModuleTestDatabase(Path dir, String schema) {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        this.url = "jdbc:derby:" + dir.resolve("db") + ";create=true";
        this.database = new SqlDatabase(new DriverManagerDataSource(url), Dialects.forProduct("Apache Derby"));
        Migrator migrator = new Migrator(database);
        migrator.ensureHistoryTable();
        List<Migration> migrations = moduleMigrations();
        if (migrations.isEmpty()) {
            throw new IllegalStateException("No db/migration/V<n>__<name>.sql in a classes folder on the test classpath");
        }
        migrator.migrate(schema, migrations);
    }

    /** A fresh database in {@code dir} with the module's migrations applied as schema {@code schema}. */
    public static ModuleTestDatabase create(Path dir, String schema) {
        return new ModuleTestDatabase(dir, schema);
    }

    /** The migrations in folders (not jars) on the classpath: the module's own target/classes. */
    private static List<Migration> moduleMigrations() {
        List<Migration> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(ModuleTestDatabase.class.getClassLoader().getResources("db/migration"))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : files.sorted().toList()) {
                        Migration.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)).ifPresent(found::add);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the module's migrations", e);
        }
        return found;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return database.inTransaction(work);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return database.read(work);
    }

    @Override
    public long writeGeneration() {
        return database.writeGeneration();
    }

    @Override
    public Dialect dialect() {
        return database.dialect();
    }

    /** A connection outside the contract, for tests that hold a transaction open themselves. */
    public Connection connection() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    public long count(String sql, Object... params) {
        return read(c -> Jdbc.count(c, sql, params));
    }
}
