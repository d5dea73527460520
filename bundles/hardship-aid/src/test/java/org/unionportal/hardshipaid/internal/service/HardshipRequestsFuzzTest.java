package org.unionportal.hardshipaid.internal.service;

import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.ADMIN;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.DISTRICT;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.OPERATOR;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.TODAY;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.form;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.persistence.internal.FakeAttachments;
import org.unionportal.persistence.internal.ModuleTestDatabase;
import org.unionportal.testing.fuzz.FuzzTries;
import org.unionportal.testing.fuzz.Gen;
import org.unionportal.testing.fuzz.HostileBodies;
import org.unionportal.testing.fuzz.RequestFuzz;

/**
 * The fuzz layer over every JSON request type of hardship aid (households and their decisions, standards, safety-net
 * expenses and awards, batches and bank results): never a 500, never half a change.
 */
class HardshipRequestsFuzzTest {
    /** Household numbers for fresh applications (each try that needs one files its own). */
    private static final AtomicInteger SEQ = new AtomicInteger(1);

    private static ModuleTestDatabase db;
    private static HouseholdService households;
    private static StandardService standards;
    private static BatchService batches;
    private static SafetyNetService safetyNet;
    private static RequestFuzz fuzz;
    private static long approved;
    private static long headMember;
    private static long batch;

    @BeforeAll
    static void start() {
        db = ModuleTestDatabase.inMemory("hardship-aid");
        PortalTime time = PortalTime.fixedAt(TODAY);
        households = new HouseholdService(db, new HardshipServicesTest.Tree(), time);
        households.audit = (c, e) -> { };
        households.attachments = new FakeAttachments();
        standards = new StandardService(db, time);
        standards.audit = (c, e) -> { };
        batches = new BatchService(db, time);
        batches.audit = (c, e) -> { };
        batches.notifications = new org.unionportal.persistence.internal.FakeNotifications();
        safetyNet = new SafetyNetService(db, time, 300_000);
        safetyNet.audit = (c, e) -> { };
        approved = households.decide(DISTRICT, households.file(OPERATOR, form(SEQ.getAndIncrement())).household().id(),
                new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null)).household().id();
        headMember = households.get(DISTRICT, approved).members().get(0).id();
        batch = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2026")).id();
        fuzz = RequestFuzz.on(db);
    }

    private static long freshApplication() {
        synchronized (fuzz) {
            return households.file(OPERATOR, form(SEQ.getAndIncrement())).household().id();
        }
    }

    @TestFactory
    Stream<DynamicTest> filingAndUpdatingHouseholds() {
        Gen<String> bodies = Gen.oneOf(HostileBodies.forRecord(HouseholdForm.class),
                Gen.ints(10_000, 99_999).flatMap(seq -> HostileBodies.mutating(form(seq))));
        return FuzzTries.of("filing and updating households", r -> {
            String body = bodies.next(r);
            boolean update = r.nextBoolean();
            long open = update ? freshApplication() : 0;
            return fuzz.send(body, HouseholdForm.class, f -> {
                if (update) {
                    households.update(OPERATOR, open, f);
                } else {
                    households.file(OPERATOR, f);
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> decidingRecheckingAndLeaving() {
        Gen<String> decisions = Gen.oneOf(HostileBodies.forRecord(HouseholdService.Decision.class),
                HostileBodies.mutating(new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", "核实无误")),
                HostileBodies.mutating(new HouseholdService.Decision("REJECT", null, null, "重复申请")));
        Gen<String> rechecks = Gen.oneOf(HostileBodies.forRecord(HouseholdService.Recheck.class),
                HostileBodies.mutating(new HouseholdService.Recheck("SPECIAL", "复核")));
        Gen<String> leaves = Gen.oneOf(HostileBodies.forRecord(HouseholdService.Leave.class),
                HostileBodies.mutating(new HouseholdService.Leave("已脱困", TODAY)));
        return FuzzTries.of("deciding, rechecking and leaving", r -> {
            String decision = decisions.next(r);
            String recheck = rechecks.next(r);
            String leave = leaves.next(r);
            long open = freshApplication();
            return List.of(
                    fuzz.send(decision, HouseholdService.Decision.class, d -> households.decide(DISTRICT, open, d)),
                    fuzz.send(recheck, HouseholdService.Recheck.class, c -> households.recheck(DISTRICT, approved, c)),
                    fuzz.send(leave, HouseholdService.Leave.class, l -> households.leave(DISTRICT, open, l)));
        });
    }

    @TestFactory
    Stream<DynamicTest> proposingAndDecidingStandards() {
        Gen<String> proposals = Gen.oneOf(HostileBodies.forRecord(StandardService.Proposal.class),
                HostileBodies.mutating(new StandardService.Proposal("SCHOOLING_BASIC", 110_000L, LocalDate.of(2027, 9, 1), "上调")));
        Gen<String> decisions = Gen.oneOf(HostileBodies.forRecord(StandardService.Decision.class),
                HostileBodies.mutating(new StandardService.Decision("APPROVE", "同意")));
        return FuzzTries.of("proposing and deciding standards", r -> {
            String proposal = proposals.next(r);
            String decision = decisions.next(r);
            return fuzz.send(proposal, StandardService.Proposal.class, p -> {
                long id = standards.propose(ADMIN, p).id();
                // the checker (another platform administrator) decides what was proposed
                fuzz.send(decision, StandardService.Decision.class, d -> standards.decide(HardshipServicesTest.CHECKER, id, d));
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> safetyNetExpensesAndAwards() {
        Gen<String> expenses = Gen.oneOf(HostileBodies.forRecord(SafetyNetService.ExpenseForm.class),
                HostileBodies.mutating(new SafetyNetService.ExpenseForm(headMember, TODAY, "市人民医院", 1_000_000L, 400_000L, "住院")));
        Gen<String> notes = Gen.oneOf(HostileBodies.forRecord(SafetyNetService.Note.class),
                HostileBodies.mutating(new SafetyNetService.Note("医疗支出大")));
        Gen<String> decisions = Gen.oneOf(HostileBodies.forRecord(SafetyNetService.Decision.class),
                HostileBodies.mutating(new SafetyNetService.Decision("APPROVE", "同意")));
        return FuzzTries.of("safety-net expenses and awards", r -> {
            String expense = expenses.next(r);
            String note = notes.next(r);
            String decision = decisions.next(r);
            return List.of(
                    fuzz.send(expense, SafetyNetService.ExpenseForm.class, f -> safetyNet.record(DISTRICT, approved, f)),
                    fuzz.send(note, SafetyNetService.Note.class, n -> {
                        long award = safetyNet.propose(DISTRICT, approved, TODAY.getYear(), n).id();
                        fuzz.send(decision, SafetyNetService.Decision.class, d -> safetyNet.decide(ADMIN, award, d));
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> generatingBatchesAndRecordingResults() {
        Gen<String> generates = Gen.oneOf(HostileBodies.forRecord(BatchService.Generate.class),
                HostileBodies.mutating(new BatchService.Generate("MEDICAL", "2026")));
        Gen<String> results = Gen.oneOf(HostileBodies.forRecord(BatchService.Result.class),
                HostileBodies.mutating(new BatchService.Result(List.of(new BatchService.Failure(1L, "账号错误")))));
        return FuzzTries.of("generating batches and recording results", r -> List.of(
                fuzz.send(generates.next(r), BatchService.Generate.class, g -> batches.generate(DISTRICT, g)),
                fuzz.send(results.next(r), BatchService.Result.class, c -> batches.result(DISTRICT, batch, c))));
    }
}
