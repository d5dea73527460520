package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.audit.AuditEntry;
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

/** A settlement import prepares drafts of its subtree only, and both the import and each draft are audited. */
class SettlementServiceTest {
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser DISTRICT2 = new PortalUser(4, "district2", "district2", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));
    private static final String CHEN = IdNumbers.withCheckDigit("32020219920715002");

    @TempDir
    Path dir;

    @Test
    void anImportAndTheDraftsItPreparesAreInTheAuditTrail() {
        TestDatabase db = TestDatabase.create(dir);
        PlanTemplate t = DemoPlans.wuxiThreeInOne();
        Plan plan = new Plan(0, t.code(), 0, true, t.nameZh(), t.nameEn(), t.termYears(), t.feeFen(), t.feeBasis(),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), 0,
                new Plan.PlanRules(t.eligibility(), t.benefits()), t.descriptionZh());
        long planId = db.inTransaction(c -> PlanStore.insertVersion(c, plan, "test"));
        long member = db.member("陈静", CHEN, "13961000002", "/1/2/8/");
        db.enrolment(planId, t.code(), member, "/1/2/8/", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
        SettlementService settlements = new SettlementService(db);
        settlements.notifications = new FakeNotifications();
        FakeAuditTrail trail = new FakeAuditTrail();
        settlements.audit = trail;
        List<AuditEntry> audited = trail.entries;
        byte[] file = ("身份证号,入院日期,出院日期,医院,医疗总费用,基本医保支付,诊断\n"
                + CHEN + ",2026-07-05,2026-07-09,无锡市第二人民医院,8000.00,3000.00,阑尾炎\n").getBytes(StandardCharsets.UTF_8);

        assertEquals(1, settlements.importFile(file, DISTRICT2).notCovered(), "another district's cover is not found");
        assertEquals(1, settlements.importFile(file, DISTRICT).draftClaims());
        assertEquals(1, settlements.importFile(file, DISTRICT).alreadyClaimed());

        String fileId = SettlementService.digest(file);
        assertEquals(List.of("settlement-import " + fileId + " IMPORT /1/3/ district2",
                        "claim 1 DRAFT_FROM_SETTLEMENT /1/2/8/ district",
                        "settlement-import " + fileId + " IMPORT /1/2/ district",
                        "settlement-import " + fileId + " IMPORT /1/2/ district"),
                audited.stream().map(e -> e.recordType() + " " + e.recordId() + " " + e.action() + " " + e.orgPath() + " "
                        + e.actor().username()).toList());
        assertEquals(1, audited.get(2).after().get("draftClaims"));
        assertEquals("DRAFT", audited.get(1).after().get("status"));
        assertEquals(1, audited.get(3).after().get("alreadyClaimed"));
    }
}
