package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A module upgraded over its data, and a downgrade refused, in a portal of its own (the shared portal's fixture
 * schema must stay at the fixture's own version for the other classes). Version N is the fixture as built (V1–V3);
 * N+1 is built here from it: the same classes, {@code Bundle-Version} raised and one more migration, V4. N gets
 * items, N+1 is installed over it ({@code bundle:update}): only V4 runs and every item reads back. Then N again:
 * refused — the fixture's API stays away, readiness and health say DOWNGRADE_REFUSED and why, the log says why —
 * and N+1 once more finds every item untouched.
 */
class ModuleUpgradeIT {
    private static final String NEXT_VERSION = "0.1.1";
    private static Distribution portal;

    @BeforeAll
    static void boot() {
        portal = Distribution.create("upgrade");
        portal.start();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void aNewerVersionAppliesOnlyItsNewMigrationAndKeepsEveryRecordAndAnOlderOneIsRefused() throws IOException {
        Api api = portal.api();
        String admin = api.login("admin");
        String operator = api.login("operator");
        portal.installFixture();
        Await.until("the fixture to serve", Await.MODULE_CHANGE, () -> api.get("/api/fixture/items", operator),
                r -> r.status() == 200);
        JsonNode first = api.post("/api/fixture/items", operator, Map.of("title", "升级前一")).expect(201).json();
        api.post("/api/fixture/items", operator, Map.of("title", "before upgrade 2")).expect(201);
        api.post("/api/fixture/items/" + first.path("id").asLong() + "/done", api.login("district"), null).expect(200);
        List<String> items = items(api, operator);
        assertEquals(2, items.size(), items::toString);

        Path versionN = Paths.get(System.getProperty("itests.fixture"));
        Path versionNext = portal.home().resolve("fixture/fixture-module-" + NEXT_VERSION + ".jar");
        writeNextVersion(versionN, versionNext);
        long bundleId = fixtureBundle(api, admin).id();

        portal.shell("bundle:update " + bundleId + " " + versionNext.toUri());
        Await.until("the fixture " + NEXT_VERSION + " to serve", Await.MODULE_CHANGE,
                () -> fixtureBundle(api, admin).version() + " " + api.get("/api/fixture/items", operator).status(),
                s -> s.equals(NEXT_VERSION + " 200"));
        assertEquals(items, items(api, operator), "every item after the upgrade");
        // V1-V3 once (version N), then V4 only
        String log = Files.readString(portal.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        List<String> applied = log.lines().filter(l -> l.contains("Applied migration fixture V"))
                .map(l -> l.substring(l.indexOf("Applied migration fixture V") + 26).split(" ")[0]).toList();
        assertEquals(List.of("V1", "V2", "V3", "V4"), applied, () -> portal.karafLogTail(40));
        assertTrue(log.contains("Schema 'fixture' of " + Distribution.FIXTURE_SYMBOLIC_NAME + " is up to date (1 new migrations)"),
                () -> portal.karafLogTail(40));
        api.get("/api/portal/ready", null).expect(200);

        portal.shell("bundle:update " + bundleId + " " + versionN.toUri());
        JsonNode notReady = Await.until("readiness to refuse the older fixture", Await.MODULE_CHANGE,
                () -> api.get("/api/portal/ready", null), r -> r.status() == 503).json();
        JsonNode fixture = schema(notReady, "fixture");
        assertEquals("DOWNGRADE_REFUSED", fixture.path("state").asText(), notReady::toString);
        assertTrue(fixture.path("detail").asText().contains("V4") && fixture.path("detail").asText().contains("V3"),
                notReady::toString);
        JsonNode health = api.get("/api/portal/health", null).json();
        assertEquals("DOWN", health.path("status").asText(), health::toString);
        assertEquals("DOWNGRADE_REFUSED", schema(health, "fixture").path("state").asText(), health::toString);
        Await.until("the older fixture's API to stay away", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items", operator), r -> r.status() == 404);
        assertTrue(portal.karafLogTail(200).contains("Downgrade refused: schema 'fixture' is at V4"),
                () -> "the log says why:\n" + portal.karafLogTail(40));

        portal.shell("bundle:update " + bundleId + " " + versionNext.toUri());
        Await.until("the fixture " + NEXT_VERSION + " to serve again", Await.MODULE_CHANGE,
                () -> api.get("/api/fixture/items", operator), r -> r.status() == 200);
        assertEquals(items, items(api, operator), "the refused downgrade touched nothing");
        Await.until("readiness again", Await.MODULE_CHANGE, () -> api.get("/api/portal/ready", null), r -> r.status() == 200);
        portal.uninstallFixture();
    }

    /** Each item as id, title and status, in id order. */
    private static List<String> items(Api api, String token) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : api.get("/api/fixture/items", token).expect(200).json()) {
            items.add(item.path("id").asLong() + " " + item.path("title").asText() + " " + item.path("status").asText());
        }
        Collections.sort(items);
        return items;
    }

    private static Bundles.Bundle fixtureBundle(Api api, String admin) {
        return Bundles.snapshot(api, admin).values().stream()
                .filter(b -> b.symbolicName().equals(Distribution.FIXTURE_SYMBOLIC_NAME)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture bundle"));
    }

    private static JsonNode schema(JsonNode report, String schema) {
        for (JsonNode s : report.path("schemas")) {
            if (schema.equals(s.path("schema").asText())) {
                return s;
            }
        }
        throw new AssertionError("no schema " + schema + " in " + report);
    }

    /** Version N+1 of the fixture: N's entries, Bundle-Version {@value #NEXT_VERSION}, and migration V4. */
    private static void writeNextVersion(Path versionN, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (JarFile n = new JarFile(versionN.toFile())) {
            Manifest manifest = new Manifest(n.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), NEXT_VERSION);
            try (OutputStream out = Files.newOutputStream(temp); JarOutputStream next = new JarOutputStream(out, manifest)) {
                for (JarEntry entry : Collections.list(n.entries())) {
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    next.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = n.getInputStream(entry)) {
                        in.transferTo(next);
                    }
                    next.closeEntry();
                }
                next.putNextEntry(new JarEntry("db/migration/V4__item_note.sql"));
                next.write("-- fixture N+1 (ModuleUpgradeIT): a column the older version does not know\n"
                        .concat("ALTER TABLE FIXTURE_ITEM ADD COLUMN NOTE VARCHAR(200);\n").getBytes(StandardCharsets.UTF_8));
                next.closeEntry();
            }
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
