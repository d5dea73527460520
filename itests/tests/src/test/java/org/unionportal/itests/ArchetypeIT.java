package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module archetype end to end: a module generated from it (an id with a hyphen, Chinese and English
 * names) passes its own {@code mvn verify} — its unit tests and its integration test on the kit's testing
 * support (portal-itest-harness), which boots one more distribution of its own — then is dropped into the
 * running portal's {@code deploy/} as its feature, shows its menu entry, answers its REST resource and serves
 * its page, then leaves again. Runs Maven offline when the build does, on the build's own repository (where
 * the portal, the harness and the archetype were just installed).
 */
@ExtendWith(SharedPortal.class)
class ArchetypeIT {
    private static final String MODULE = "parcel-desk";
    private static final String NAME_ZH = "包裹登记";
    private static final String FEATURE = "union-" + MODULE;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // two Maven builds, the second one booting a portal of its own
    void aGeneratedModuleBuildsInstallsAnswersAndLeaves(Distribution portal) throws Exception {
        Path work = Files.createDirectories(Paths.get(System.getProperty("itests.work"))
                .resolveSibling("archetype-run").resolve("run-" + System.nanoTime()));
        // the Chinese name through a UTF-8 file, not a process argument (whose encoding is the locale's)
        Files.createDirectories(work.resolve(".mvn"));
        Files.writeString(work.resolve(".mvn/maven.config"), "-DnameZh=" + NAME_ZH + "\n", StandardCharsets.UTF_8);
        maven(work, "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=org.unionportal", "-DarchetypeArtifactId=union-module-archetype",
                "-DarchetypeVersion=" + System.getProperty("itests.portalVersion"),
                "-DgroupId=org.example.union", "-DartifactId=" + MODULE, "-Dversion=1.0.0-SNAPSHOT",
                "-Dpackage=org.example.union.parceldesk", "-DmoduleId=" + MODULE, "-DnameEn=Parcel desk",
                "-DtablePrefix=PARCEL_DESK");
        Path project = work.resolve(MODULE);
        // The generated ModuleIT boots a portal on embedded Derby whatever this run's database: on the PostgreSQL
        // run of the suite it would only repeat the Derby run's proof, so it runs once per CI.
        boolean postgresqlRun = !System.getProperty("itests.postgresql", "").isBlank();
        maven(project, "verify", "-DskipITs=" + postgresqlRun);
        // the generated module's own tests ran and passed: its unit tests and its ModuleIT
        assertReportPassed(project.resolve("target/surefire-reports/TEST-org.example.union.parceldesk.internal.EntryRulesTest.xml"));
        assertReportPassed(project.resolve("target/surefire-reports/TEST-org.example.union.parceldesk.internal.EntryServiceTest.xml"));
        if (!postgresqlRun) {
            assertReportPassed(project.resolve("target/failsafe-reports/TEST-org.example.union.parceldesk.internal.ModuleIT.xml"));
        }

        Path jar = project.resolve("target/" + MODULE + "-1.0.0-SNAPSHOT.jar");
        Path features = project.resolve("target/feature/feature.xml");
        String bundle = "mvn:org.example.union/" + MODULE + "/1.0.0-SNAPSHOT";
        assertTrue(Files.readString(features, StandardCharsets.UTF_8).contains("module=" + MODULE), features::toString);
        // hot deployment: the feature as built, its bundle from the build folder instead of a repository
        Path deployed = portal.deployFeature(features, bundle, jar);

        Api api = portal.api();
        String admin = api.login("admin");
        String operator = api.login("operator");
        try {
            Await.until("the generated module's menu entry", Await.MODULE_CHANGE,
                    () -> api.menuEntryIds(operator), ids -> ids.contains(MODULE + ".entries"));
            assertTrue(api.menuEntryIds(api.login("member")).stream().noneMatch(id -> id.startsWith(MODULE + ".")),
                    "a member sees the staff entry");
            JsonNode module = null;
            for (JsonNode m : api.get("/api/portal/modules", admin).expect(200).json()) {
                module = MODULE.equals(m.path("id").asText()) ? m : module;
            }
            assertTrue(module != null, "the module list lacks " + MODULE);
            assertEquals(NAME_ZH, module.path("nameZh").asText(), module::toString);
            assertEquals("Parcel desk", module.path("nameEn").asText(), module::toString);

            Await.until("GET /api/" + MODULE + "/entries to answer 200", Await.MODULE_CHANGE,
                    () -> api.get("/api/" + MODULE + "/entries", operator), r -> r.status() == 200);
            JsonNode entry = api.post("/api/" + MODULE + "/entries", operator, Map.of("title", "快递柜")).expect(201).json();
            assertEquals("OPEN", entry.path("status").asText(), entry::toString);
            assertEquals("DONE", api.post("/api/" + MODULE + "/entries/" + entry.path("id").asLong() + "/done",
                    api.login("district"), null).expect(200).json().path("status").asText());
            assertEquals(422, api.post("/api/" + MODULE + "/entries", operator, Map.of("title", " ")).status());
            Api.Reply page = api.get("/modules/" + MODULE + "/entries.js", null).expect(200);
            assertTrue(page.body().contains("export function mount") && page.body().contains("/api/" + MODULE),
                    () -> "entries.js: " + page);
        } finally {
            portal.shell("feature:uninstall " + FEATURE);
            Files.deleteIfExists(deployed);
        }
        Await.until("GET /api/" + MODULE + "/entries to answer 404", Await.MODULE_CHANGE,
                () -> api.get("/api/" + MODULE + "/entries", operator), r -> r.status() == 404);
        Await.until("the menu entry to go", Await.MODULE_CHANGE,
                () -> api.menuEntryIds(operator), ids -> !ids.contains(MODULE + ".entries"));
    }

    private static void maven(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("itests.maven", "mvn"), "-B", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("itests.mavenRepo")));
        if ("offline=true".equals(System.getProperty("itests.mavenOffline"))) {
            command.add("-o");
        }
        if (System.getProperty("itests.startTimeoutSeconds") != null) { // a loaded machine: the generated ModuleIT's boot too
            command.add("-Ditests.startTimeoutSeconds=" + System.getProperty("itests.startTimeoutSeconds"));
        }
        command.addAll(List.of(arguments));
        Path log = dir.resolve("maven-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new AssertionError("Maven did not finish in 10 minutes: " + command + "\n" + tail(log));
            }
        } finally {
            // never leave the child build, or the portal its ModuleIT booted, running behind a failed or timed-out test
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " in " + dir + " failed:\n" + tail(log));
    }

    /** A JUnit XML report that exists, counts at least one test, and no failure, error or skip. */
    private static void assertReportPassed(Path report) throws IOException {
        assertTrue(Files.isRegularFile(report), () -> "no report " + report);
        String xml = Files.readString(report, StandardCharsets.UTF_8);
        java.util.regex.Matcher suite = java.util.regex.Pattern.compile("<testsuite [^>]*").matcher(xml);
        assertTrue(suite.find(), () -> report + ": " + xml);
        String head = suite.group();
        assertTrue(!head.contains(" tests=\"0\"") && head.contains(" failures=\"0\"") && head.contains(" errors=\"0\"")
                && head.contains(" skipped=\"0\""), () -> report + ": " + head);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
