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
import javax.sql.DataSource;
import org.unionportal.api.db.Jdbc;

/**
 * For modules' unit tests (this bundle's test-jar): a real database with the module's own
 * migrations ({@code db/migration/V<n>__<name>.sql} of the module's classes folder on the test classpath, with
 * the database's own {@code db/migration/<dialect>/} replacements) applied by the portal's {@link Migrator},
 * behind the portal's {@link SqlDatabase} (one transaction per call, deadlock victims run again). So a module's
 * tests see the schema and the transaction behaviour the portal gives it, and a new migration needs no list to be
 * kept in step.
 *
 * <p>The database is Derby on disk in the test's folder (in memory: {@link #inMemory}), or, when the system property {@value #POSTGRESQL_PROPERTY}
 * holds a JDBC URL with user and password ({@code jdbc:postgresql://127.0.0.1:5432/portal_test?user=..&password=..};
 * {@code -Dunionportal.test.postgresql=...} on Maven's command line), a fresh schema of its own on that PostgreSQL
 * database, whose connections are kept open between calls ({@link KeptConnections}).
 */
public class ModuleTestDatabase extends DelegatingDatabase {
    public static final String POSTGRESQL_PROPERTY = "unionportal.test.postgresql";
    private static final java.util.concurrent.atomic.AtomicInteger SCHEMAS = new java.util.concurrent.atomic.AtomicInteger();

    private final String url;

    protected ModuleTestDatabase(Path dir, String schema) {
        this(open(dir), schema);
    }

    private ModuleTestDatabase(Opened opened, String schema) {
        super(opened.database());
        this.url = opened.url();
        Migrator migrator = new Migrator(opened.database());
        migrator.ensureHistoryTable();
        List<Migration> migrations = Migration.forDialect(moduleMigrations(""), moduleMigrations("/" + dialect().name()));
        if (migrations.isEmpty()) {
            throw new IllegalStateException("No db/migration/V<n>__<name>.sql in a classes folder on the test classpath");
        }
        migrator.migrate(schema, migrations);
    }

    /** The database chosen and opened: its URL (for {@link #connection}) and the portal's SqlDatabase on it. */
    private record Opened(String url, SqlDatabase database) {
    }

    private static Opened open(Path dir) {
        String postgresql = System.getProperty(POSTGRESQL_PROPERTY, "");
        String url;
        if (postgresql.isBlank() && dir == null) {
            url = "jdbc:derby:memory:module" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + ";create=true";
        } else if (postgresql.isBlank()) {
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
            url = "jdbc:derby:" + dir.resolve("db") + ";create=true";
        } else {
            url = freshSchema(postgresql.strip());
        }
        // PostgreSQL's connections are kept between calls, as the portal's pool keeps them (KeptConnections);
        // an embedded Derby connection costs next to nothing to open.
        DataSource dataSource = postgresql.isBlank() ? new DriverManagerDataSource(url) : new KeptConnections(url);
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the test database " + url + ": " + e.getMessage(), e);
        }
        return new Opened(url, new SqlDatabase(dataSource, Dialects.forProduct(product)));
    }

    /** A fresh database in {@code dir} with the module's migrations applied as schema {@code schema}. */
    public static ModuleTestDatabase create(Path dir, String schema) {
        return new ModuleTestDatabase(dir, schema);
    }

    /**
     * A fresh database in memory (Derby's {@code memory:} subprotocol; PostgreSQL as above when asked for): for
     * tests that write thousands of times, such as the fuzz layer's property tests, where a disk's syncs dominate.
     */
    public static ModuleTestDatabase inMemory(String schema) {
        return new ModuleTestDatabase((Path) null, schema);
    }

    /** A schema of its own on the PostgreSQL database of {@code baseUrl}; the URL that makes it the current one. */
    private static String freshSchema(String baseUrl) {
        String schema = "t" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000_000L + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(baseUrl); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a schema on " + baseUrl + ": " + e.getMessage(), e);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The migrations in folders (not jars) on the classpath: the module's own target/classes. */
    private static List<Migration> moduleMigrations(String subfolder) {
        List<Migration> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(ModuleTestDatabase.class.getClassLoader().getResources("db/migration" + subfolder))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        Migration.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)).ifPresent(found::add);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the module's migrations", e);
        }
        return found;
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
