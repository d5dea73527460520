package org.unionportal.hardshipaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.persistence.internal.ModuleTestDatabase;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.service.BatchService;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.Period;

/**
 * Benchmark, not a test (tag "benchmark", excluded from the normal build; bench/run.sh runs it with
 * {@code mvn -pl bundles/hardship-aid test -Dgroups=benchmark -Dsurefire.excludedGroups=none}): generates a
 * quarterly batch for {@code bench.households} (20,000) special-hardship households on a Derby database on
 * disk, three times for three quarters, and prints each time and the median as "BENCH hardship-batch ...".
 * It checks the result (one living and one price-subsidy line per household), never the time.
 */
@Tag("benchmark")
class HardshipBatchBenchmark {
    @TempDir
    Path dir;

    @Test
    void quarterlyBatch() {
        int households = Integer.getInteger("bench.households", 20_000);
        ModuleTestDatabase db = ModuleTestDatabase.create(dir, "hardship-aid");
        long seedStart = System.nanoTime();
        db.inTransaction(c -> {
            try (PreparedStatement h = c.prepareStatement("INSERT INTO HA_HOUSEHOLD (ORG_ID, ORG_PATH, STATUS, REQUESTED_LEVEL, LEVEL, "
                    + "FILE_LEVEL, HEAD_NAME, HEAD_ID_NUMBER, CAUSES, CHANNEL, BANK_NAME, BANK_ACCOUNT, LOVE_CARD_NO, FILED_BY, FILED_AT, "
                    + "ON_FILE_FROM) VALUES (?, ?, 'ON_FILE', 'SPECIAL', 'SPECIAL', 'DISTRICT', ?, ?, 'ILLNESS', 'BANK', '工行', ?, ?, "
                    + "'bench', ?, ?)")) {
                for (int i = 0; i < households; i++) {
                    long org = 8 + i % 4;
                    Jdbc.bind(h, org, "/1/2/" + org + "/", "户主" + i, IdNumbers.of("320202", LocalDate.of(1960, 1, 1).plusDays(i % 12_000),
                            i % 1000), String.format("6222020302%09d", i), "AX" + i, Instant.now(), LocalDate.of(2024, 1, 1));
                    h.addBatch();
                    if (i % 1000 == 999) {
                        h.executeBatch();
                    }
                }
                h.executeBatch();
            }
            return null;
        });
        System.out.printf("BENCH hardship-seed households=%d seconds=%.2f%n", households, (System.nanoTime() - seedStart) / 1e9);
        PortalUser city = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));
        List<Double> seconds = new ArrayList<>();
        for (String quarter : List.of("2026Q1", "2026Q2", "2026Q3")) {
            Period period = Period.of(BatchKind.QUARTER, quarter).orElseThrow();
            long start = System.nanoTime();
            var batch = db.inTransaction(c -> BatchService.generate(c, period, DataScope.of(city), city.username()));
            double s = (System.nanoTime() - start) / 1e9;
            seconds.add(s);
            assertEquals(2L * households, batch.lines().size());
            System.out.printf("BENCH hardship-batch quarter=%s households=%d lines=%d seconds=%.3f%n", quarter, households,
                    batch.lines().size(), s);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        System.out.printf("BENCH hardship-batch-median households=%d seconds=%.3f%n", households, sorted.get(sorted.size() / 2));
    }
}
