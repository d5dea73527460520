package org.unionportal.mutualaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.Line;
import org.unionportal.mutualaid.internal.rules.PriorUsage;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/** What a new claim is checked against: an open claim for the same event or stay, and what earlier claims used of the caps. */
class EarlierClaimsTest {
    private static final LocalDate JULY_5 = LocalDate.of(2026, 7, 5);

    @TempDir
    Path dir;
    private TestDatabase db;
    private long member;
    private long enrolment;
    private long otherEnrolment;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        long plan = db.plan("A", "甲项目");
        member = db.member("陈静", "320202199207150021", null, "/1/2/8/");
        enrolment = db.enrolment(plan, "A", member, "/1/2/8/", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), "ACTIVE");
        otherEnrolment = db.enrolment(plan, "A", member, "/1/2/8/", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "ACTIVE");
    }

    @Test
    void aStayOverlapsAnOpenStayOnTheSameEnrolmentEvenByOneDay() {
        long stay = file(enrolment, stay(JULY_5, JULY_5.plusDays(5)), ClaimStatus.SUBMITTED, null, List.of());
        assertEquals(Optional.of(stay), overlapping(enrolment, stay(JULY_5.plusDays(5), JULY_5.plusDays(7))), "admitted on its discharge day");
        assertEquals(Optional.of(stay), overlapping(enrolment, stay(JULY_5.minusDays(4), JULY_5)), "discharged on its admission day");
        assertEquals(Optional.of(stay), overlapping(enrolment, stay(JULY_5.minusDays(30), JULY_5.plusDays(30))), "around it");
        assertEquals(Optional.of(stay), overlapping(enrolment, stay(JULY_5.plusDays(1), JULY_5.plusDays(2))), "within it");
        assertEquals(Optional.empty(), overlapping(enrolment, stay(JULY_5.plusDays(6), JULY_5.plusDays(8))), "the day after");
        assertEquals(Optional.empty(), overlapping(enrolment, stay(JULY_5.minusDays(9), JULY_5.minusDays(1))), "the days before");
        assertEquals(Optional.empty(), overlapping(otherEnrolment, stay(JULY_5, JULY_5.plusDays(5))), "another enrolment");

        long later = file(enrolment, stay(JULY_5.plusDays(3), JULY_5.plusDays(9)), ClaimStatus.APPROVED, null, List.of());
        assertEquals(Optional.of(stay), overlapping(enrolment, stay(JULY_5.plusDays(4), JULY_5.plusDays(4))), "the first of two");
        assertEquals(Optional.of(later), overlapping(enrolment, stay(JULY_5.plusDays(8), JULY_5.plusDays(12))));
        reject(stay);
        assertEquals(Optional.of(later), overlapping(enrolment, stay(JULY_5.plusDays(4), JULY_5.plusDays(4))), "a rejected claim is closed");
        assertEquals(Optional.empty(), overlapping(enrolment, stay(JULY_5, JULY_5.plusDays(1))));
    }

    @Test
    void anEventWithoutAStayOverlapsTheSameKindOfEventOnTheSameDay() {
        long illness = file(enrolment, event(EventType.CRITICAL_ILLNESS, JULY_5), ClaimStatus.SUBMITTED, null, List.of());
        assertEquals(Optional.of(illness), overlapping(enrolment, event(EventType.CRITICAL_ILLNESS, JULY_5)));
        assertEquals(Optional.empty(), overlapping(enrolment, event(EventType.CRITICAL_ILLNESS, JULY_5.plusDays(1))), "another day");
        assertEquals(Optional.empty(), overlapping(enrolment, event(EventType.ACCIDENT_DISABILITY, JULY_5)), "another kind");
        assertEquals(Optional.empty(), overlapping(enrolment, stay(JULY_5, JULY_5.plusDays(3))), "a stay beginning that day");
        long stay = file(enrolment, stay(JULY_5, JULY_5.plusDays(3)), ClaimStatus.SUBMITTED, null, List.of());
        assertEquals(Optional.of(stay), overlapping(enrolment, new ClaimFacts(EventType.HOSPITAL_STAY, JULY_5, null, null, null, null,
                100_000, 0, 0)), "the same stay's event entered without its dates");
        reject(illness);
        assertEquals(Optional.empty(), overlapping(enrolment, event(EventType.CRITICAL_ILLNESS, JULY_5)));
    }

    @Test
    void earlierApprovedAndPaidClaimsCountAgainstTheCapsOthersDoNot() {
        long approved = file(enrolment, stay(JULY_5, JULY_5.plusDays(5)), ClaimStatus.APPROVED, 280_000L,
                List.of(line(Line.MEDICAL, 250_000), line(Line.CONSOLATION, 50_000)));
        file(enrolment, event(EventType.ACCIDENT_DISABILITY, JULY_5.plusDays(20)), ClaimStatus.PAID, 100_000L,
                List.of(line(Line.DISABILITY, 100_000)));
        file(enrolment, event(EventType.CRITICAL_ILLNESS, JULY_5.plusDays(40)), ClaimStatus.IN_PAYMENT, null,
                List.of(line(Line.CRITICAL_ILLNESS, 500_000)));
        // last year's stay: paid in this term, but not against this year's medical cap
        file(enrolment, stay(LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 28)), ClaimStatus.PAID, 70_000L,
                List.of(line(Line.MEDICAL, 70_000)));
        // a stay over the new year counts in the year of its discharge
        file(enrolment, stay(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 3)), ClaimStatus.PAID, 1_000L,
                List.of(line(Line.MEDICAL, 1_000)));
        file(enrolment, stay(JULY_5.plusDays(60), JULY_5.plusDays(61)), ClaimStatus.SUBMITTED, null, List.of(line(Line.MEDICAL, 9_000)));
        long rejected = file(enrolment, stay(JULY_5.plusDays(70), JULY_5.plusDays(71)), ClaimStatus.SUBMITTED, null,
                List.of(line(Line.MEDICAL, 8_000)));
        reject(rejected);
        file(otherEnrolment, stay(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 3)), ClaimStatus.PAID, 5_000L,
                List.of(line(Line.MEDICAL, 5_000), line(Line.CRITICAL_ILLNESS, 1)));

        assertEquals(new PriorUsage(280_000 + 100_000 + 500_000 + 70_000 + 1_000, 250_000 + 1_000, true, 100_000),
                db.read(c -> ClaimStore.priorUsage(c, enrolment, 0, 2026)));
        assertEquals(new PriorUsage(100_000 + 500_000 + 70_000 + 1_000, 1_000, true, 100_000),
                db.read(c -> ClaimStore.priorUsage(c, enrolment, approved, 2026)), "but for the claim being decided");
        assertEquals(new PriorUsage(280_000 + 100_000 + 500_000 + 70_000 + 1_000, 70_000, true, 100_000),
                db.read(c -> ClaimStore.priorUsage(c, enrolment, 0, 2025)));
        assertEquals(new PriorUsage(5_000, 0, true, 0), db.read(c -> ClaimStore.priorUsage(c, otherEnrolment, 0, 2026)));
    }

    private Optional<Long> overlapping(long enrolmentId, ClaimFacts facts) {
        return db.read(c -> ClaimStore.overlapping(c, enrolmentId, facts));
    }

    private static ClaimFacts stay(LocalDate admission, LocalDate discharge) {
        return new ClaimFacts(EventType.HOSPITAL_STAY, admission, admission, discharge, null, null, 300_000, 100_000, 0);
    }

    private static ClaimFacts event(EventType type, LocalDate day) {
        return new ClaimFacts(type, day, null, null, type == EventType.CRITICAL_ILLNESS ? "恶性肿瘤" : null,
                type == EventType.ACCIDENT_DISABILITY ? 8 : null, 0, 0, 0);
    }

    private static Line line(String item, long fen) {
        return new Line(item, fen, "", "", false);
    }

    private long file(long enrolmentId, ClaimFacts facts, ClaimStatus status, Long approvedFen, List<Line> lines) {
        Assessment assessment = new Assessment(lines, lines.stream().mapToLong(Line::amountFen).sum(), List.of());
        return db.inTransaction(c -> {
            long id = ClaimStore.insert(c, enrolmentId, member, "/1/2/8/", facts, null, null, ClaimStatus.SUBMITTED, assessment, "test");
            Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ?, APPROVED_FEN = ? WHERE ID = ?", status.name(), approvedFen, id);
            return id;
        });
    }

    private void reject(long claimId) {
        db.inTransaction(c -> Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = ? WHERE ID = ?", ClaimStatus.REJECTED.name(), claimId));
    }
}
