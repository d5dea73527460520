package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.unionportal.api.db.MigrationProblems;
import org.unionportal.api.db.PortalDatabase;

/** The extender on Derby, with a bundle made of folders: what it publishes, and which scripts it takes. */
class MigrationExtenderTest {
    @TempDir
    Path dir;
    private final List<Object> registered = new ArrayList<>();
    private MigrationExtender extender;

    @BeforeEach
    void setUp() {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        BundleContext context = proxy(BundleContext.class, (name, args) -> switch (name) {
            case "getBundles" -> new Bundle[0];
            case "registerService" -> {
                if (args[1] instanceof PortalDatabase) { // not the extender's own MigrationProblems
                    registered.add(args[1]);
                }
                yield proxy(ServiceRegistration.class, (n, a) -> null);
            }
            default -> null;
        });
        // a long first wait: these tests call addingBundle themselves, after activation took the database in hand
        extender = new MigrationExtender(context, new DriverManagerDataSource("jdbc:derby:" + dir.resolve("db") + ";create=true"),
                Duration.ofMinutes(2), Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        extender.deactivate();
    }

    /**
     * Started while the database does not answer (a PostgreSQL server down; here a data source refusing as the pool
     * does): activation returns without it, nothing is published, and the extender keeps trying; once the database
     * answers, the started bundle's migrations run and its schema is published, without activating anything again.
     */
    @Test
    void startedWhileTheDatabaseDoesNotAnswerItMigratesAndPublishesOnceItDoes() throws Exception {
        Path root = Files.createDirectories(dir.resolve("bundle-late/db/migration"));
        Files.writeString(root.resolve("V1__t.sql"), "CREATE TABLE LATE1 (ID INT);");
        Bundle started = bundle("late", root.getParent().getParent());
        DriverManagerDataSource derby = new DriverManagerDataSource("jdbc:derby:" + dir.resolve("late-db") + ";create=true");
        AtomicBoolean down = new AtomicBoolean(true);
        CountDownLatch refused = new CountDownLatch(3);
        DataSource pool = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, args) -> {
                    if (!m.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    if (down.get()) {
                        refused.countDown();
                        throw new SQLTransientConnectionException("portal - Connection is not available, request timed out",
                                null, new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
                    }
                    return derby.getConnection();
                });
        CountDownLatch published = new CountDownLatch(1);
        List<Object> services = new java.util.concurrent.CopyOnWriteArrayList<>();
        BundleContext context = proxy(BundleContext.class, (name, args) -> switch (name) {
            case "getBundles" -> new Bundle[] {started};
            case "registerService" -> {
                services.add(args[1]);
                if (args[1] instanceof PortalDatabase) {
                    published.countDown();
                }
                yield proxy(ServiceRegistration.class, (n, a) -> null);
            }
            default -> null;
        });

        MigrationExtender late = new MigrationExtender(context, pool, Duration.ofMillis(200), Duration.ofMillis(50));
        try {
            assertTrue(refused.await(30, TimeUnit.SECONDS), "the extender does not try again");
            assertTrue(services.stream().noneMatch(PortalDatabase.class::isInstance), "a schema published without its database");
            assertTrue(services.stream().anyMatch(MigrationProblems.class::isInstance), "no MigrationProblems while waiting");
            assertTrue(late.of("late").isEmpty(), "waiting for the database is no migration problem");

            down.set(false);
            assertTrue(published.await(60, TimeUnit.SECONDS), "nothing published once the database answers");
            try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM LATE1").close(); // the migration ran
            }
        } finally {
            late.deactivate();
        }
    }

    /**
     * The connection lost in the middle of a bundle's migrations (V1 applied, V2 cut off, as when PostgreSQL restarts):
     * not MIGRATION_FAILED until a restart, but MIGRATION_RETRYING, tried again on the extender's own thread; once the
     * database answers, V2 is applied (V1 not twice) and the schema published, with no problem left.
     */
    @Test
    void migrationsCutOffByALostConnectionAreTriedAgainAndPublishedOnceTheDatabaseAnswers() throws Exception {
        Path root = Files.createDirectories(dir.resolve("bundle-cut/db/migration"));
        Files.writeString(root.resolve("V1__first.sql"), "CREATE TABLE CUT1 (ID INT);");
        Files.writeString(root.resolve("V2__second.sql"), "CREATE TABLE CUT2 (ID INT);");
        Bundle started = bundle("cut", root.getParent().getParent());
        CuttingDataSource db = new CuttingDataSource(new DriverManagerDataSource("jdbc:derby:" + dir.resolve("cut-db") + ";create=true"),
                "CUT2");
        CountDownLatch published = new CountDownLatch(1);
        MigrationExtender cut = new MigrationExtender(context(published), db, Duration.ofMinutes(2), Duration.ofMillis(50));
        try {
            MigrationExtender.Tracked tracked = cut.addingBundle(started, null);
            assertFalse(tracked.isPublished(), "published with a migration missing");
            MigrationProblems.Problem problem = cut.of("cut").orElseThrow();
            assertEquals(MigrationProblems.MIGRATION_RETRYING, problem.state(), problem::toString);
            assertTrue(problem.detail().contains("lost database connection"), problem::detail);
            assertTrue(db.cuts.await(30, TimeUnit.SECONDS), "not tried again while the connection is lost");
            assertEquals(MigrationProblems.MIGRATION_RETRYING, cut.of("cut").orElseThrow().state());

            db.reconnect();
            assertTrue(published.await(30, TimeUnit.SECONDS), "not published once the database answers");
            // the latch counts down inside registerService; the extender notes the registration right after it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!tracked.isPublished()) {
                assertTrue(System.nanoTime() < deadline, "the registration was not kept");
                Thread.onSpinWait();
            }
            assertTrue(cut.of("cut").isEmpty(), () -> "a problem left: " + cut.of("cut"));
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM CUT2").close();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + Migrator.HISTORY_TABLE + " WHERE SCHEMA_KEY = 'cut'");
                rs.next();
                assertEquals(2, rs.getInt(1), "V1 and V2 once each");
            }
        } finally {
            cut.deactivate();
        }
    }

    /** A bundle stopped while its migrations wait for the connection: no retry publishes it later, and no problem stays. */
    @Test
    void aBundleStoppedWhileItsMigrationsWaitIsNeitherPublishedNorAProblem() throws Exception {
        Path root = Files.createDirectories(dir.resolve("bundle-stop/db/migration"));
        Files.writeString(root.resolve("V1__first.sql"), "CREATE TABLE STOP1 (ID INT);");
        Bundle started = bundle("stop", root.getParent().getParent());
        CuttingDataSource db = new CuttingDataSource(new DriverManagerDataSource("jdbc:derby:" + dir.resolve("stop-db") + ";create=true"),
                "STOP1");
        CountDownLatch published = new CountDownLatch(1);
        MigrationExtender stopping = new MigrationExtender(context(published), db, Duration.ofMinutes(2), Duration.ofMillis(50));
        try {
            MigrationExtender.Tracked tracked = stopping.addingBundle(started, null);
            assertEquals(MigrationProblems.MIGRATION_RETRYING, stopping.of("stop").orElseThrow().state());
            stopping.removedBundle(started, null, tracked);
            assertTrue(stopping.of("stop").isEmpty(), "a stopped bundle's retry is still a problem");
            db.reconnect();
            assertFalse(published.await(500, TimeUnit.MILLISECONDS), "a stopped bundle's schema was published");
            assertFalse(tracked.isPublished());
        } finally {
            stopping.deactivate();
        }
    }

    @Test
    void aSchemaWhoseMigrationFailedGetsNoDatabaseService() throws Exception {
        Bundle bad = bundle("broken", "V1__bad.sql", "CREATE TABLE B1 (ID INT);\nINSERT INTO NOWHERE VALUES (1);");
        assertFalse(extender.addingBundle(bad, null).isPublished(), "no database service for a schema whose migration failed");
        assertTrue(registered.isEmpty());
    }

    @Test
    void anOlderBundleOverNewerDataGetsNoServiceAndItsProblemSaysDowngradeUntilANewEnoughOneComes() throws Exception {
        Path v2 = Files.createDirectories(dir.resolve("bundle-n1/db/migration"));
        Files.writeString(v2.resolve("V1__t.sql"), "CREATE TABLE UP1 (ID INT);");
        Files.writeString(v2.resolve("V2__u.sql"), "INSERT INTO UP1 VALUES (1);");
        Path v1 = Files.createDirectories(dir.resolve("bundle-n/db/migration"));
        Files.writeString(v1.resolve("V1__t.sql"), "CREATE TABLE UP1 (ID INT);");

        assertTrue(extender.addingBundle(bundle("up", v2.getParent().getParent()), null).isPublished());
        assertTrue(extender.of("up").isEmpty());
        assertFalse(extender.addingBundle(bundle("up", v1.getParent().getParent()), null).isPublished(), "a downgrade gets no service");
        MigrationProblems.Problem problem = extender.of("up").orElseThrow();
        assertEquals(MigrationProblems.DOWNGRADE_REFUSED, problem.state());
        assertEquals(42L, problem.bundleId());
        assertTrue(problem.detail().contains("V2") && problem.detail().contains("V1"), problem::detail);
        assertTrue(extender.addingBundle(bundle("up", v2.getParent().getParent()), null).isPublished());
        assertTrue(extender.of("up").isEmpty(), "the problem goes with a version new enough");
    }

    @Test
    void aFailedMigrationIsAProblemWithoutSqlDetails() throws Exception {
        assertFalse(extender.addingBundle(bundle("broken2", "V1__bad.sql", "INSERT INTO NOWHERE VALUES (1);"), null).isPublished());
        MigrationProblems.Problem problem = extender.of("broken2").orElseThrow();
        assertEquals(MigrationProblems.MIGRATION_FAILED, problem.state());
        assertTrue(!problem.detail().contains("NOWHERE"), problem::detail);
    }

    @Test
    void aMigratedSchemaGetsItsDatabaseService() throws Exception {
        Bundle good = bundle("fine", "V1__good.sql", "CREATE TABLE G1 (ID INT);");
        assertTrue(extender.addingBundle(good, null).isPublished());
        assertEquals(1, registered.size());
        assertTrue(registered.get(0) instanceof PortalDatabase);
    }

    @Test
    void aScriptInTheDatabasesOwnFolderReplacesTheCommonOneOfItsVersion() throws Exception {
        Path root = Files.createDirectories(dir.resolve("bundle-dialect/db/migration/derby"));
        Files.writeString(root.getParent().resolve("V1__t.sql"), "CREATE TABLE COMMON_ONLY (ID INT);");
        Files.writeString(root.resolve("V1__t.sql"), "CREATE TABLE DERBY_OWN (ID INT);");
        Files.writeString(root.getParent().resolve("V2__u.sql"), "CREATE TABLE SECOND (ID INT);");
        List<Migration> migrations = MigrationExtender.migrationsOf(bundle("d", dir.resolve("bundle-dialect")), "derby");
        assertEquals(List.of(1, 2), migrations.stream().map(Migration::version).toList());
        assertTrue(migrations.get(0).sql().contains("DERBY_OWN"));
        assertEquals(List.of(1, 2), MigrationExtender.migrationsOf(bundle("d", dir.resolve("bundle-dialect")), "postgresql")
                .stream().map(Migration::version).toList());
        assertTrue(MigrationExtender.migrationsOf(bundle("d", dir.resolve("bundle-dialect")), "postgresql").get(0).sql().contains("COMMON_ONLY"));
    }

    /** A framework that registers services (counting down {@code published} for a schema's) and has no bundles. */
    private static BundleContext context(CountDownLatch published) {
        return proxy(BundleContext.class, (name, args) -> switch (name) {
            case "getBundles" -> new Bundle[0];
            case "registerService" -> {
                if (args[1] instanceof PortalDatabase) {
                    published.countDown();
                }
                yield proxy(ServiceRegistration.class, (n, a) -> null);
            }
            default -> null;
        });
    }

    /**
     * A data source whose connections are lost (SQLSTATE 08006, as PostgreSQL's driver says when the server goes away)
     * when a statement names {@code marker}, until {@link #reconnect}; {@code cuts} counts the first three losses.
     */
    private static final class CuttingDataSource implements TestDataSource {
        private final DriverManagerDataSource target;
        private final String marker;
        private final AtomicBoolean lost = new AtomicBoolean(true);
        final CountDownLatch cuts = new CountDownLatch(3);

        CuttingDataSource(DriverManagerDataSource target, String marker) {
            this.target = target;
            this.marker = marker;
        }

        void reconnect() {
            lost.set(false);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = target.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                Object result = invoke(m, real, args);
                if (m.getName().equals("createStatement")) {
                    Statement statement = (Statement) result;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class}, (sp, sm, sargs) -> {
                        if (lost.get() && sargs != null && sargs.length > 0 && String.valueOf(sargs[0]).contains(marker)) {
                            cuts.countDown();
                            throw new SQLNonTransientConnectionException("An I/O error occurred while sending to the backend.", "08006");
                        }
                        return invoke(sm, statement, sargs);
                    });
                }
                return result;
            });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private Bundle bundle(String schema, String fileName, String sql) throws Exception {
        Path root = Files.createDirectories(dir.resolve("bundle-" + schema + "/db/migration"));
        Files.writeString(root.resolve(fileName), sql);
        return bundle(schema, root.getParent().getParent());
    }

    /** A bundle whose entries are the files under {@code root}. */
    static Bundle bundle(String schema, Path root) {
        return proxy(Bundle.class, (name, args) -> switch (name) {
            case "getHeaders" -> {
                Hashtable<String, String> headers = new Hashtable<>();
                headers.put(PortalDatabase.MIGRATIONS_HEADER, schema);
                yield headers;
            }
            case "getSymbolicName" -> "test." + schema;
            case "getBundleId" -> 42L;
            case "getState" -> Bundle.ACTIVE;
            case "findEntries" -> {
                Path folder = root.resolve(((String) args[0]).substring(1));
                if (!Files.isDirectory(folder)) {
                    yield null;
                }
                List<URL> urls = new ArrayList<>();
                try (var files = Files.list(folder)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                        urls.add(f.toUri().toURL());
                    }
                }
                yield Collections.enumeration(urls);
            }
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(MigrationExtenderTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> m.getDeclaringClass() == Object.class ? (m.getName().equals("equals") ? p == args[0]
                        : m.getName().equals("hashCode") ? System.identityHashCode(p) : "proxy")
                        : answer.answer(m.getName(), args)));
    }
}
