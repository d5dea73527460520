package org.unionportal.hardshipaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.persistence.internal.ModuleTestDatabase;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.service.BatchService;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.rules.Period;
import org.unionportal.hardshipaid.internal.rules.Standard;
import org.unionportal.hardshipaid.internal.rules.Standards;

/** Batch generation on a real Derby database with the module's migrations: nothing is ever paid twice. */
class BatchGenerationTest {
    private static final OrganisationInfo ORG = new OrganisationInfo(8, 2L, "梁溪区环卫所工会", "GRASSROOTS", "/1/2/8/");
    private static final PortalUser CITY = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));

    @TempDir
    Path dir;

    private ModuleTestDatabase db;

    @BeforeEach
    void database() {
        db = ModuleTestDatabase.create(dir, "hardship-aid");
    }

    private long household(int seq, String level) {
        HouseholdForm f = new HouseholdForm(ORG.id(), "某路", null, List.of("ILLNESS"), null, level, "BANK", "工行",
                "622202030200" + String.format("%07d", seq), "AX" + seq, List.of(new HouseholdForm.MemberForm("户主" + seq,
                IdNumbers.of("320202", LocalDate.of(1980, 1, 1).plusDays(seq), 1), "SELF", 100_000L, null, null, null)));
        return db.inTransaction(c -> {
            long id = HouseholdStore.insert(c, f, ORG, "operator");
            Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = 'ON_FILE', LEVEL = ?, ON_FILE_FROM = ? WHERE ID = ?", level,
                    LocalDate.of(2025, 1, 1), id);
            return id;
        });
    }

    @Test
    void theSeededStandardsAreTheWuxiNotice() {
        Standards seeded = db.read(StandardStore::approved);
        for (Standard expected : Standards.wuxi2020()) {
            Standard actual = seeded.inForce(expected.item(), LocalDate.of(2020, 1, 1)).orElseThrow();
            assertEquals(expected.amountFen(), actual.amountFen(), expected.item().name());
            assertEquals(expected.effectiveFrom(), actual.effectiveFrom());
        }
        assertEquals(Item.values().length, seeded.approved().size());
    }

    @Test
    void generatingTheSamePeriodTwicePaysNothingTwice() {
        household(1, "SPECIAL");
        household(2, "SPECIAL");
        household(3, "HARDSHIP");
        Period q3 = Period.of(BatchKind.QUARTER, "2026Q3").orElseThrow();
        var first = db.inTransaction(c -> BatchService.generate(c, q3, DataScope.of(CITY), CITY.username()));
        assertEquals(4, first.lines().size());   // living and price subsidy for the two special households
        assertEquals(2 * (150_000L + 15_000L), first.totalFen());
        ProblemException again = assertThrows(ProblemException.class, () -> db.inTransaction(c -> BatchService.generate(c, q3, DataScope.of(CITY), CITY.username())));
        assertEquals(409, again.status());
        assertTrue(again.getMessage().contains("[" + first.id() + "]"), again.getMessage());
        // a household filed later is paid alone in a supplementary batch
        household(4, "SPECIAL");
        var second = db.inTransaction(c -> BatchService.generate(c, q3, DataScope.of(DISTRICT), DISTRICT.username()));
        assertEquals(2, second.lines().size());
        assertEquals(6L, (long) db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM HA_PAYMENT")));
    }

    @Test
    void concurrentGenerationsPayEachHouseholdOnce() throws Exception {
        for (int i = 1; i <= 30; i++) {
            household(i, "SPECIAL");
        }
        Period medical = Period.of(BatchKind.MEDICAL, "2026").orElseThrow();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Callable<Integer> work = () -> {
                start.await();
                try {
                    return db.inTransaction(c -> BatchService.generate(c, medical, DataScope.of(CITY), CITY.username())).lines().size();
                } catch (ProblemException e) {
                    return e.status() == 409 ? 0 : -1;
                }
            };
            results.add(pool.submit(work));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get();
        }
        pool.shutdown();
        assertEquals(30, total);
        assertEquals(30L, (long) db.read(c -> Jdbc.count(c, "SELECT COUNT(DISTINCT HOUSEHOLD_ID) FROM HA_PAYMENT WHERE ITEM = 'MEDICAL'")));
        assertEquals(1L, (long) db.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM HA_BATCH")));
    }

    @Test
    void theDatabaseRefusesASecondPaymentOfTheSameItemAndPeriod() {
        long h = household(1, "SPECIAL");
        db.inTransaction(c -> BatchService.generate(c, Period.of(BatchKind.SUMMER, "2026").orElseThrow(), DataScope.of(CITY), CITY.username()));
        assertThrows(RuntimeException.class, () -> db.inTransaction(c -> Jdbc.update(c, "INSERT INTO HA_PAYMENT (BATCH_ID, HOUSEHOLD_ID, "
                + "ITEM, PERIOD, BENEFICIARY_ID, ATTEMPT, AMOUNT_FEN, CHANNEL, DUE_DATE, EXPLANATION, STATUS) SELECT BATCH_ID, HOUSEHOLD_ID, "
                + "ITEM, PERIOD, BENEFICIARY_ID, ATTEMPT, AMOUNT_FEN, CHANNEL, DUE_DATE, EXPLANATION, STATUS FROM HA_PAYMENT WHERE HOUSEHOLD_ID = ?",
                h)));
    }
}
