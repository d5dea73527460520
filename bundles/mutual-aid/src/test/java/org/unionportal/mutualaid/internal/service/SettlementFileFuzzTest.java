package org.unionportal.mutualaid.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeAuditTrail;
import org.unionportal.persistence.internal.FakeNotifications;
import org.unionportal.testing.fuzz.FuzzTries;
import org.unionportal.testing.fuzz.Gen;
import org.unionportal.testing.fuzz.HostileValues;
import org.unionportal.testing.fuzz.RequestFuzz;

/** A settlement file with one hostile cell (too long, control characters, impossible dates and amounts): never a 500. */
class SettlementFileFuzzTest {
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final String CHEN = IdNumbers.withCheckDigit("32020219920715002");
    private static final List<String> ROW = List.of(CHEN, "2026-07-05", "2026-07-09", "无锡市第二人民医院", "8000.00", "3000.00", "阑尾炎");

    private static TestDatabase db;
    private static SettlementService settlements;
    private static RequestFuzz fuzz;

    @BeforeAll
    static void start() {
        db = TestDatabase.inMemory();
        PlanTemplate t = DemoPlans.wuxiThreeInOne();
        Plan plan = new Plan(0, t.code(), 0, true, t.nameZh(), t.nameEn(), t.termYears(), t.feeFen(), t.feeBasis(),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), 0,
                new Plan.PlanRules(t.eligibility(), t.benefits()), t.descriptionZh());
        long planId = db.inTransaction(c -> PlanStore.insertVersion(c, plan, "test"));
        long member = db.member("陈静", CHEN, "13961000002", "/1/2/8/");
        db.enrolment(planId, t.code(), member, "/1/2/8/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
        settlements = new SettlementService(db);
        settlements.notifications = new FakeNotifications();
        settlements.audit = new FakeAuditTrail();
        fuzz = RequestFuzz.on(db);
    }

    @TestFactory
    Stream<DynamicTest> importingASettlementFileWithOneHostileCell() {
        Gen<String> values = Gen.oneOf(HostileValues.texts(), HostileValues.dates(), HostileValues.numbers()).map(JsonNode::asText);
        return FuzzTries.of("importing a settlement file with one hostile cell", r -> {
            int column = r.nextInt(ROW.size());
            String value = values.next(r);
            List<String> row = new ArrayList<>(ROW);
            row.set(column, value);
            String csv = "身份证号,入院日期,出院日期,医院,医疗总费用,基本医保支付,诊断\n"
                    + String.join(",", row.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList()) + "\n";
            byte[] file = csv.getBytes(StandardCharsets.UTF_8);
            return fuzz.call("settlement file, column " + column + ": " + value, x -> settlements.importFile(file, DISTRICT));
        });
    }
}
