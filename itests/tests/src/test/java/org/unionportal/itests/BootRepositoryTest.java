package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness puts the fixture's repository first among Karaf's boot repositories (a unit test: runs in surefire). */
class BootRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void theFixtureComesFirstAndTheShippedRepositoriesStay() throws IOException {
        Path cfg = dir.resolve("org.apache.karaf.features.cfg");
        Files.writeString(cfg, String.join("\n", "# Karaf's form: one repository a line",
                "featuresRepositories = \\",
                "    mvn:org.unionportal/union-features/0.1.0-SNAPSHOT/xml/features, \\",
                "    mvn:org.apache.karaf.features/standard/4.4.10/xml/features",
                "featuresBoot = union-portal", ""), StandardCharsets.ISO_8859_1);
        Distribution.addBootRepository(cfg, "file:/runs/x/fixture/union-fixture-features.xml");

        Properties read = new Properties();
        try (Reader r = Files.newBufferedReader(cfg, StandardCharsets.ISO_8859_1)) {
            read.load(r);
        }
        List<String> repositories = Arrays.stream(read.getProperty("featuresRepositories").split(",")).map(String::strip).toList();
        assertEquals(List.of("file:/runs/x/fixture/union-fixture-features.xml",
                "mvn:org.unionportal/union-features/0.1.0-SNAPSHOT/xml/features",
                "mvn:org.apache.karaf.features/standard/4.4.10/xml/features"), repositories);
        assertEquals("union-portal", read.getProperty("featuresBoot"));
    }
}
