package org.unionportal.hardshipaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.ADMIN;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.CHECKER;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.DISTRICT;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.DISTRICT2;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.OPERATOR;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.TODAY;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.form;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.Channel;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore.Award;
import org.unionportal.persistence.internal.FakeAttachments;
import org.unionportal.persistence.internal.FakeAuditTrail;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/**
 * Every decision a person takes in hardship aid is in the audit trail, with who, which record, its organisation and what
 * changed; and another district's record is not found whatever the body says (the scope is checked first).
 */
class HardshipAuditTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final List<AuditEntry> entries = trail.entries;
    private HouseholdService households;
    private StandardService standards;
    private BatchService batches;
    private SafetyNetService safetyNet;

    @BeforeEach
    void services() {
        ModuleTestDatabase db = ModuleTestDatabase.create(dir, "hardship-aid");
        PortalTime time = PortalTime.fixedAt(TODAY);
        households = new HouseholdService(db, new HardshipServicesTest.Tree(), time);
        households.audit = trail;
        households.attachments = new FakeAttachments();
        standards = new StandardService(db, time);
        standards.audit = trail;
        batches = new BatchService(db, time, 730);   // these tests pay periods of the next year
        batches.audit = trail;
        batches.notifications = new org.unionportal.persistence.internal.FakeNotifications();
        safetyNet = new SafetyNetService(db, time, 300_000);
        safetyNet.audit = trail;
    }

    private AuditEntry last() {
        return entries.get(entries.size() - 1);
    }

    private void assertEntry(String recordType, Object recordId, String action, String username, String orgPath) {
        AuditEntry e = last();
        assertEquals(List.of("hardship-aid", recordType, String.valueOf(recordId), action, username, orgPath),
                List.of(e.module(), e.recordType(), e.recordId(), e.action(), e.actor().username(), e.orgPath()), e::toString);
    }

    @Test
    void theHouseholdsDecisionsAndDocumentsAreRecordedWithWhatChanged() {
        long id = households.file(OPERATOR, form(1)).household().id();
        assertEntry("household", id, "CREATE", "operator", "/1/2/8/");
        assertTrue(last().before().isEmpty());
        assertEquals("APPLIED", last().after().get("status"));
        assertEquals("SPECIAL", last().after().get("requestedLevel"));
        assertTrue(last().after().values().stream().noneMatch(v -> String.valueOf(v).contains("6222020302")),
                "no account in the audit trail");

        households.decide(DISTRICT, id, new HouseholdService.Decision("RETURN", null, null, "请补充收入证明"));
        assertEntry("household", id, "RETURN", "district", "/1/2/8/");
        assertEquals("APPLIED", last().before().get("status"));
        assertEquals("RETURNED", last().after().get("status"));
        assertEquals("请补充收入证明", last().after().get("note"));

        households.update(OPERATOR, id, form(1));
        assertEntry("household", id, "UPDATE", "operator", "/1/2/8/");
        assertEquals("APPLIED", last().after().get("status"));

        households.decide(DISTRICT, id, new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
        assertEntry("household", id, "APPROVE", "district", "/1/2/8/");
        assertEquals("ON_FILE", last().after().get("status"));
        assertEquals("TK2026-00001", last().after().get("certificateNo"));
        assertEquals(null, last().before().get("certificateNo"));

        households.recheck(DISTRICT, id, new HouseholdService.Recheck("HARDSHIP", "收入提高"));
        assertEntry("household", id, "RECHECK", "district", "/1/2/8/");
        assertEquals("SPECIAL", last().before().get("level"));
        assertEquals("HARDSHIP", last().after().get("level"));

        long docId = ((Number) households.upload(DISTRICT, id, "收入证明.pdf", PDF).get("id")).longValue();
        assertEntry("household", id, "ADD_DOCUMENT", "district", "/1/2/8/");
        assertEquals("收入证明.pdf", last().after().get("document"));
        households.deleteDocument(DISTRICT, id, docId);
        assertEntry("household", id, "DELETE_DOCUMENT", "district", "/1/2/8/");
        assertEquals("收入证明.pdf", last().before().get("document"));
        assertTrue(last().after().isEmpty());

        households.leave(DISTRICT, id, new HouseholdService.Leave("已脱困", TODAY));
        assertEntry("household", id, "LEAVE", "district", "/1/2/8/");
        assertEquals("LEFT", last().after().get("status"));
        assertEquals("已脱困", last().after().get("reason"));
        assertEquals(8, entries.size(), entries::toString);
    }

    @Test
    void standardsAndBatchesAreRecorded() {
        long standard = standards.propose(ADMIN, new StandardService.Proposal("SCHOOLING_BASIC", 110_000L, LocalDate.of(2027, 9, 1), null))
                .id();
        assertEntry("standard", standard, "PROPOSE", "admin", "/1/");
        assertEquals(110_000L, last().after().get("amountFen"));
        standards.decide(CHECKER, standard, new StandardService.Decision("APPROVE", "复核无误"));
        assertEntry("standard", standard, "APPROVE", "checker", "/1/");
        assertEquals(List.of("PROPOSED", "APPROVED"), List.of(last().before().get("status"), last().after().get("status")));

        households.decide(DISTRICT, households.file(OPERATOR, form(2)).household().id(),
                new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
        long batch = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027")).id();
        assertEntry("batch", batch, "CREATE", "district", "/1/2/");
        assertEquals("DRAFT", last().after().get("status"));
        batches.approve(CHECKER, batch);
        assertEntry("batch", batch, "APPROVE", "checker", "/1/2/");
        assertEquals("APPROVED", last().after().get("status"));
        batches.channelFile(DISTRICT, batch, Channel.BANK, "csv");
        assertEntry("batch", batch, "EXPORT", "district", "/1/2/");
        assertEquals("bank", last().after().get("file"));
        batches.export(DISTRICT, batch, "xlsx");
        assertEquals("lines", last().after().get("file"));

        long discarded = batches.generate(DISTRICT, new BatchService.Generate("ONE_OFF_PRICE", "2027")).id();
        batches.discard(DISTRICT, discarded);
        assertEntry("batch", discarded, "DISCARD", "district", "/1/2/");
        assertEquals("DRAFT", last().before().get("status"));
    }

    @Test
    void safetyNetAwardsAndDecisionsAreRecorded() {
        long id = households.decide(DISTRICT, households.file(OPERATOR, form(3)).household().id(),
                new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null)).household().id();
        long member = households.get(DISTRICT, id).members().get(0).id();
        long expense = safetyNet.record(DISTRICT, id, new SafetyNetService.ExpenseForm(member, TODAY, "市人民医院", 1_000_000L, 400_000L, null))
                .id();
        assertEntry("expense", expense, "CREATE", "district", "/1/2/8/");
        Award award = safetyNet.propose(DISTRICT, id, TODAY.getYear(), new SafetyNetService.Note(null));
        assertEntry("award", award.id(), "PROPOSE", "district", "/1/2/8/");
        assertEquals(300_000L, last().after().get("amountFen"));
        safetyNet.decide(ADMIN, award.id(), new SafetyNetService.Decision("APPROVE", null));
        assertEntry("award", award.id(), "APPROVE", "admin", "/1/2/8/");
        assertEquals(List.of("PROPOSED", "APPROVED"), List.of(last().before().get("status"), last().after().get("status")));
        safetyNet.paid(ADMIN, award.id());
        assertEntry("award", award.id(), "PAID", "admin", "/1/2/8/");
        assertEquals(true, last().after().get("paid"));
    }

    @Test
    void anotherDistrictGetsNotFoundWhateverTheBody() {
        long id = households.decide(DISTRICT, households.file(OPERATOR, form(4)).household().id(),
                new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null)).household().id();
        long member = households.get(DISTRICT, id).members().get(0).id();
        safetyNet.record(DISTRICT, id, new SafetyNetService.ExpenseForm(member, TODAY, "市人民医院", 1_000_000L, 400_000L, null));
        long award = safetyNet.propose(DISTRICT, id, TODAY.getYear(), null).id();
        long batch = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027")).id();
        HouseholdForm empty = new HouseholdForm(null, null, null, null, null, null, null, null, null, null, null);
        int before = entries.size();
        List<Executable> calls = List.of(
                () -> households.update(DISTRICT2, id, empty),
                () -> households.decide(DISTRICT2, id, null),
                () -> households.decide(DISTRICT2, id, new HouseholdService.Decision("MAYBE", null, null, null)),
                () -> households.recheck(DISTRICT2, id, null),
                () -> households.leave(DISTRICT2, id, null),
                () -> households.upload(DISTRICT2, id, "x.txt", new byte[0]),
                () -> households.deleteDocument(DISTRICT2, id, 1),
                () -> safetyNet.record(DISTRICT2, id, null),
                () -> safetyNet.decide(DISTRICT2, award, null),
                () -> batches.result(DISTRICT2, batch, new BatchService.Result(java.util.Arrays.asList((BatchService.Failure) null))));
        for (Executable call : calls) {
            ProblemException p = assertThrows(ProblemException.class, call);
            assertEquals(404, p.status(), () -> p.code() + ": " + p.getMessage());
        }
        assertEquals(before, entries.size(), "nothing refused is recorded");
        // the same bodies from the owning district are checked and refused as bad input
        assertEquals(422, assertThrows(ProblemException.class, () -> households.leave(DISTRICT, id, null)).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> safetyNet.decide(ADMIN, award, null)).status());
    }
}
