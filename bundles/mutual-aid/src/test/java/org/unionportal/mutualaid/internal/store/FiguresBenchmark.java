package org.unionportal.mutualaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/**
 * Benchmark, not a test (tag "benchmark", skipped by the build; bench/run.sh runs it with
 * {@code mvn -pl bundles/mutual-aid test -Dtest=FiguresBenchmark -Dsurefire.excludedGroups=none}): the figures page's
 * queries over {@code bench.enrolments} (300,000) enrolments in four districts on a Derby database on disk, for the
 * city administrator, five times; prints each time and the median as "BENCH figures ...". Checks the count, never
 * the time.
 */
@Tag("benchmark")
class FiguresBenchmark {
    @TempDir
    Path dir;

    @Test
    void figuresOverManyEnrolments() {
        int enrolments = Integer.getInteger("bench.enrolments", 300_000);
        TestDatabase db = TestDatabase.create(dir);
        long plan = db.plan("BENCH", "基准项目");
        long seedStart = System.nanoTime();
        db.inTransaction(c -> {
            long batch = org.unionportal.api.db.Jdbc.insert(c, "INSERT INTO MA_ENROLMENT_BATCH (PLAN_ID, ORG_ID, ORG_PATH, COVER_START, "
                    + "COVER_END, PERSON_COUNT, FEE_TOTAL_FEN, STATUS, CREATED_BY, CREATED_AT) VALUES (?, 7, '/1/', ?, ?, ?, 0, 'ACTIVE', "
                    + "'bench', CURRENT_TIMESTAMP)", plan, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), enrolments);
            try (PreparedStatement m = c.prepareStatement("INSERT INTO MA_MEMBER (ID_NUMBER, NAME, PHONE, GENDER, BIRTH_DATE, CATEGORY, "
                    + "BASIC_INSURANCE, UNION_MEMBER, ORG_ID, ORG_PATH) VALUES (?, '职工', NULL, 'F', '1990-01-01', 'EMPLOYEE', TRUE, TRUE, 7, ?)");
                 PreparedStatement e = c.prepareStatement("INSERT INTO MA_ENROLMENT (BATCH_ID, PLAN_ID, PLAN_CODE, MEMBER_ID, ORG_PATH, "
                         + "COVER_START, COVER_END, FEE_FEN, RENEWAL, STATUS, LOCK_VERSION) VALUES (?, ?, 'BENCH', ?, ?, '2026-01-01', "
                         + "'2026-12-31', 0, FALSE, 'ACTIVE', 0)")) {
                for (int i = 0; i < enrolments; i++) {
                    m.setString(1, String.format("B%017d", i));
                    m.setString(2, "/1/" + (2 + i % 4) + "/");
                    m.addBatch();
                    if (i % 2000 == 1999) {
                        m.executeBatch();
                    }
                }
                m.executeBatch();
                List<Long> ids = org.unionportal.api.db.Jdbc.list(c, "SELECT ID FROM MA_MEMBER ORDER BY ID", rs -> rs.getLong(1));
                for (int i = 0; i < ids.size(); i++) {
                    e.setLong(1, batch);
                    e.setLong(2, plan);
                    e.setLong(3, ids.get(i));
                    e.setString(4, "/1/" + (2 + i % 4) + "/");
                    e.addBatch();
                    if (i % 2000 == 1999) {
                        e.executeBatch();
                    }
                }
                e.executeBatch();
            }
            return null;
        });
        System.out.printf("BENCH figures-seed enrolments=%d seconds=%.1f%n", enrolments, (System.nanoTime() - seedStart) / 1e9);
        PortalUser city = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));
        List<OrganisationInfo> districts = new ArrayList<>();
        for (int d = 2; d <= 5; d++) {
            districts.add(new OrganisationInfo(d, 1L, "区" + d, "DISTRICT", "/1/" + d + "/"));
        }
        List<Double> ms = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Map<String, Object> figures = db.read(c -> FiguresStore.figures(c, DataScope.of(city), districts, 2026, LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31)));
            double took = (System.nanoTime() - start) / 1e6;
            ms.add(took);
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) figures.get("total");
            assertEquals((long) enrolments, ((Number) total.get("enrolments")).longValue());
            System.out.printf("BENCH figures run=%d enrolments=%d ms=%.1f%n", run + 1, enrolments, took);
        }
        List<Double> sorted = ms.stream().sorted().toList();
        System.out.printf("BENCH figures-median enrolments=%d ms=%.1f%n", enrolments, sorted.get(sorted.size() / 2));
    }
}
