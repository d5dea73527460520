package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness for a load balancer: {@code GET /api/portal/ready} is 200 on a sound node, and 503 (health DOWN too)
 * while a started bundle's migration has failed: here a bundle dropped into {@code deploy/} whose only migration
 * is not valid SQL. Taking it away makes the node ready again.
 */
@ExtendWith(SharedPortal.class)
class ReadinessIT {
    private static final String SCHEMA = "itbroken";

    @Test
    void aModuleWhoseMigrationFailedMakesTheNodeNotReadyUntilItIsGone(Distribution portal) throws IOException {
        Api api = portal.api();
        JsonNode sound = api.get("/api/portal/ready", null).expect(200).json();
        assertEquals("READY", sound.path("status").asText(), () -> "ready: " + sound);
        assertEquals("UP", sound.path("database").asText());
        assertTrue(schemas(sound).contains("portal=READY"), () -> "the core's schema is not listed: " + sound);

        Path jar = portal.home().resolve("deploy").resolve("it-broken-migration.jar");
        writeBrokenBundle(jar);
        try {
            JsonNode broken = Await.until("readiness 503 with the broken schema", Await.MODULE_CHANGE,
                    () -> api.get("/api/portal/ready", null), r -> r.status() == 503).json();
            assertEquals("NOT_READY", broken.path("status").asText());
            assertTrue(schemas(broken).contains(SCHEMA + "=MIGRATION_FAILED"), () -> "ready: " + broken);
            Api.Reply health = api.get("/api/portal/health", null);
            assertEquals(503, health.status(), () -> "health while a migration failed: " + health);
            assertEquals("DOWN", health.json().path("status").asText());
        } finally {
            Files.deleteIfExists(jar);
        }
        Await.until("readiness 200 once the broken bundle is gone", Await.MODULE_CHANGE,
                () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        api.get("/api/portal/health", null).expect(200);
    }

    private static String schemas(JsonNode ready) {
        StringBuilder s = new StringBuilder();
        ready.path("schemas").forEach(n -> s.append(n.path("schema").asText()).append('=').append(n.path("state").asText()).append(' '));
        return s.toString();
    }

    /** A bundle shipping one migration that no database accepts. */
    private static void writeBrokenBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.unionportal.itests.broken-migration");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Union-Migrations", SCHEMA);
        Path temp = jar.getParent().resolveSibling(jar.getFileName() + ".tmp"); // outside deploy/
        try (OutputStream out = Files.newOutputStream(temp); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("db/migration/V1__broken.sql"));
            j.write("CREATE TABLE IT_BROKEN (ID INTEGER, DATA NOT_A_TYPE_ON_ANY_DATABASE);\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        // moved in whole, so the deployer never reads half a jar
        Files.move(temp, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
