package org.unionportal.hardshipaid.internal.service;

import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.ADMIN;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.DISTRICT;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.OPERATOR;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.TODAY;
import static org.unionportal.hardshipaid.internal.service.HardshipServicesTest.form;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.persistence.internal.FakeAttachments;
import org.unionportal.persistence.internal.ModuleTestDatabase;
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

    private static synchronized void start() {
        if (db != null) {
            return;
        }
        db = ModuleTestDatabase.inMemory("hardship-aid");
        PortalTime time = PortalTime.fixedAt(TODAY);
        households = new HouseholdService(db, new HardshipServicesTest.Tree(), time);
        households.audit = (c, e) -> { };
        households.attachments = new FakeAttachments();
        standards = new StandardService(db, time);
        standards.audit = (c, e) -> { };
        batches = new BatchService(db, time);
        batches.audit = (c, e) -> { };
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

    @Property
    void filingAndUpdatingHouseholds(@ForAll("households") String body, @ForAll boolean update) {
        start();
        long open = update ? freshApplication() : 0;
        Statistics.collect(fuzz.send(body, HouseholdForm.class, f -> {
            if (update) {
                households.update(OPERATOR, open, f);
            } else {
                households.file(OPERATOR, f);
            }
        }));
    }

    @Property
    void decidingRecheckingAndLeaving(@ForAll("decisions") String decision, @ForAll("rechecks") String recheck,
                                      @ForAll("leaves") String leave) {
        start();
        long open = freshApplication();
        Statistics.collect(fuzz.send(decision, HouseholdService.Decision.class, d -> households.decide(DISTRICT, open, d)));
        Statistics.collect(fuzz.send(recheck, HouseholdService.Recheck.class, r -> households.recheck(DISTRICT, approved, r)));
        Statistics.collect(fuzz.send(leave, HouseholdService.Leave.class, l -> households.leave(DISTRICT, open, l)));
    }

    @Property
    void proposingAndDecidingStandards(@ForAll("proposals") String proposal, @ForAll("standardDecisions") String decision) {
        Statistics.collect(fuzz.send(proposal, StandardService.Proposal.class, p -> {
            long id = standards.propose(ADMIN, p).id();
            // the checker (another platform administrator) decides what was proposed
            fuzz.send(decision, StandardService.Decision.class, d -> standards.decide(HardshipServicesTest.CHECKER, id, d));
        }));
    }

    @Property
    void safetyNetExpensesAndAwards(@ForAll("expenses") String expense, @ForAll("notes") String note,
                                    @ForAll("awardDecisions") String decision) {
        Statistics.collect(fuzz.send(expense, SafetyNetService.ExpenseForm.class, f -> safetyNet.record(DISTRICT, approved, f)));
        Statistics.collect(fuzz.send(note, SafetyNetService.Note.class, n -> {
            long award = safetyNet.propose(DISTRICT, approved, TODAY.getYear(), n).id();
            fuzz.send(decision, SafetyNetService.Decision.class, d -> safetyNet.decide(ADMIN, award, d));
        }));
    }

    @Property
    void generatingBatchesAndRecordingResults(@ForAll("generates") String generate, @ForAll("results") String result) {
        Statistics.collect(fuzz.send(generate, BatchService.Generate.class, g -> batches.generate(DISTRICT, g)));
        Statistics.collect(fuzz.send(result, BatchService.Result.class, r -> batches.result(DISTRICT, batch, r)));
    }

    @Provide
    Arbitrary<String> households() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(HouseholdForm.class),
                Arbitraries.integers().between(10_000, 99_999).flatMap(seq -> HostileBodies.mutating(form(seq))));
    }

    @Provide
    Arbitrary<String> decisions() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(HouseholdService.Decision.class),
                HostileBodies.mutating(new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", "核实无误")),
                HostileBodies.mutating(new HouseholdService.Decision("REJECT", null, null, "重复申请")));
    }

    @Provide
    Arbitrary<String> rechecks() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(HouseholdService.Recheck.class),
                HostileBodies.mutating(new HouseholdService.Recheck("SPECIAL", "复核")));
    }

    @Provide
    Arbitrary<String> leaves() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(HouseholdService.Leave.class),
                HostileBodies.mutating(new HouseholdService.Leave("已脱困", TODAY)));
    }

    @Provide
    Arbitrary<String> proposals() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(StandardService.Proposal.class),
                HostileBodies.mutating(new StandardService.Proposal("SCHOOLING_BASIC", 110_000L, LocalDate.of(2027, 9, 1), "上调")));
    }

    @Provide
    Arbitrary<String> standardDecisions() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(StandardService.Decision.class),
                HostileBodies.mutating(new StandardService.Decision("APPROVE", "同意")));
    }

    @Provide
    Arbitrary<String> expenses() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(SafetyNetService.ExpenseForm.class),
                HostileBodies.mutating(new SafetyNetService.ExpenseForm(headMember, TODAY, "市人民医院", 1_000_000L, 400_000L, "住院")));
    }

    @Provide
    Arbitrary<String> notes() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(SafetyNetService.Note.class),
                HostileBodies.mutating(new SafetyNetService.Note("医疗支出大")));
    }

    @Provide
    Arbitrary<String> awardDecisions() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(SafetyNetService.Decision.class),
                HostileBodies.mutating(new SafetyNetService.Decision("APPROVE", "同意")));
    }

    @Provide
    Arbitrary<String> generates() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(BatchService.Generate.class),
                HostileBodies.mutating(new BatchService.Generate("MEDICAL", "2026")));
    }

    @Provide
    Arbitrary<String> results() {
        start();
        return Arbitraries.oneOf(HostileBodies.forRecord(BatchService.Result.class),
                HostileBodies.mutating(new BatchService.Result(List.of(new BatchService.Failure(1L, "账号错误")))));
    }
}
