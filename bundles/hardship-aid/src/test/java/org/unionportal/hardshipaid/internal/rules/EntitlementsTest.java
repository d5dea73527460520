package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Entitlement and amounts with the figures of the Wuxi standards notice (seed 001). */
class EntitlementsTest {
    private static final Standards WUXI = new Standards(withIds(Standards.wuxi2020()));
    private static final LocalDate FILED = LocalDate.of(2024, 3, 1);

    private static List<Standard> withIds(List<Standard> standards) {
        List<Standard> out = new ArrayList<>();
        for (int i = 0; i < standards.size(); i++) {
            Standard s = standards.get(i);
            out.add(new Standard(i + 1, s.item(), s.amountFen(), s.effectiveFrom()));
        }
        return out;
    }

    private static HouseholdFacts special(long id, HouseholdFacts.Schooling... children) {
        return new HouseholdFacts(id, Level.SPECIAL, FILED, null, Channel.BANK, List.of(children));
    }

    private static HouseholdFacts.Schooling child(long memberId, Stage stage) {
        return new HouseholdFacts.Schooling(memberId, "孩子" + memberId, stage, false, false, null, null);
    }

    private static Period period(BatchKind kind, String key) {
        return Period.of(kind, key).orElseThrow();
    }

    private static Map<Item, Long> byItem(Entitlements.Result r) {
        return r.payments().stream().collect(Collectors.groupingBy(Entitlement::item, Collectors.summingLong(Entitlement::amountFen)));
    }

    @Test
    void aUniversityStudentAndAPrimaryPupilGetThreeThousandPlusOneThousandAYear() {
        Entitlements.Result r = Entitlements.of(period(BatchKind.SCHOOL_YEAR, "2026"),
                List.of(special(1, child(11, Stage.UNIVERSITY), child(12, Stage.PRIMARY))), WUXI);
        assertEquals(Map.of(Item.SCHOOLING_UNIVERSITY, 300_000L, Item.SCHOOLING_BASIC, 100_000L), byItem(r));
        assertEquals(400_000L, r.payments().stream().mapToLong(Entitlement::amountFen).sum());
        assertEquals(List.of(11L, 12L), r.payments().stream().map(Entitlement::beneficiaryId).sorted().toList());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void highSchoolAndVocationalGetTwoThousandKindergartenAndJuniorHighOneThousand() {
        Entitlements.Result r = Entitlements.of(period(BatchKind.SCHOOL_YEAR, "2026"), List.of(special(1, child(1, Stage.SENIOR_HIGH),
                child(2, Stage.VOCATIONAL), child(3, Stage.KINDERGARTEN), child(4, Stage.JUNIOR_HIGH))), WUXI);
        assertEquals(Map.of(Item.SCHOOLING_HIGH, 400_000L, Item.SCHOOLING_BASIC, 200_000L), byItem(r));
    }

    @Test
    void aNewEntrantStudyingAwayGetsTheAwardAndTheTicketUpToTheSecondClassFare() {
        HouseholdFacts.Schooling entrant = new HouseholdFacts.Schooling(7, "小燕", Stage.UNIVERSITY, true, true, 55_300L, 44_350L);
        Entitlements.Result r = Entitlements.of(period(BatchKind.SCHOOL_YEAR, "2026"), List.of(special(1, entrant)), WUXI);
        assertEquals(Map.of(Item.SCHOOLING_UNIVERSITY, 300_000L, Item.ENTRANT_AWARD, 200_000L, Item.ENTRANT_TICKET, 44_350L), byItem(r));
        // a ticket cheaper than the fare is refunded in full; an entrant at home gets no ticket
        assertEquals(java.util.Optional.of(30_000L), Entitlements.ticketRefund(
                new HouseholdFacts.Schooling(7, "小燕", Stage.UNIVERSITY, true, true, 30_000L, 44_350L)));
        assertEquals(java.util.Optional.empty(), Entitlements.ticketRefund(
                new HouseholdFacts.Schooling(7, "小燕", Stage.UNIVERSITY, true, false, 30_000L, 44_350L)));
    }

    /**
     * Every line says why in both languages: the English one without a Chinese character (a child's name, written by
     * people, is left to the beneficiary column), the Chinese one as before, with the child's name.
     */
    @Test
    void everyExplanationIsInChineseAndInEnglishWithoutTheChildsName() {
        HouseholdFacts.Schooling entrant = new HouseholdFacts.Schooling(7, "小燕", Stage.UNIVERSITY, true, true, 55_300L, 44_350L);
        List<Entitlement> lines = new ArrayList<>();
        for (Period p : List.of(period(BatchKind.SCHOOL_YEAR, "2026"), period(BatchKind.QUARTER, "2026Q2"), period(BatchKind.MEDICAL, "2026"),
                period(BatchKind.SUMMER, "2026"), period(BatchKind.HOLIDAYS, "2026"))) {
            lines.addAll(Entitlements.of(p, List.of(special(1, entrant)), WUXI).payments());
        }
        assertTrue(lines.size() >= 7, () -> "lines: " + lines);
        for (Entitlement e : lines) {
            assertTrue(e.explanation().en().codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    e.explanation().en());
            assertTrue(e.explanation().en().contains("CNY "), e.explanation().en());
            assertTrue(e.explanation().zh().contains(" 元"), e.explanation().zh());
            assertEquals(e.beneficiaryId() == 7, e.explanation().zh().startsWith("小燕："), e.explanation().zh());
        }
        Entitlement ticket = lines.stream().filter(e -> e.item() == Item.ENTRANT_TICKET).findFirst().orElseThrow();
        assertEquals("Entrant's train ticket CNY 553, at most the second-class fare of CNY 443.5, CNY 443.5 refunded", ticket.explanation().en());
        assertEquals("小燕：新生异地入学车票 553 元，限高铁二等座 443.5 元，报销 443.5 元", ticket.explanation().zh());
        Entitlement living = lines.stream().filter(e -> e.item() == Item.LIVING).findFirst().orElseThrow();
        assertTrue(living.explanation().en().startsWith("Living subsidy CNY 1500 a quarter (standard in force since "), living.explanation().en());
    }

    @Test
    void aQuarterPaysLivingByBankAndThePreviousQuartersPriceSubsidyOntoTheLoveCard() {
        Period q3 = period(BatchKind.QUARTER, "2026Q3");
        assertEquals(LocalDate.of(2026, 7, 15), q3.dueDate());
        Entitlements.Result r = Entitlements.of(q3, List.of(special(1)), WUXI);
        assertEquals(2, r.payments().size());
        Entitlement living = r.payments().get(0);
        assertEquals(Item.LIVING, living.item());
        assertEquals(150_000L, living.amountFen());
        assertEquals(Channel.BANK, living.channel());
        assertEquals("2026Q3", living.periodKey());
        Entitlement price = r.payments().get(1);
        assertEquals(Item.PRICE_SUBSIDY, price.item());
        assertEquals(15_000L, price.amountFen());   // 50 a month for three months
        assertEquals(Channel.LOVE_CARD, price.channel());
        assertEquals("2026Q2", price.periodKey());
        assertEquals("2025Q4", period(BatchKind.QUARTER, "2026Q1").parts().get(1).periodKey());
    }

    @Test
    void yearlyItemsHaveTheirAmountsAndDueDates() {
        assertEquals(Map.of(Item.MEDICAL, 120_000L), byItem(Entitlements.of(period(BatchKind.MEDICAL, "2026"), List.of(special(1)), WUXI)));
        assertEquals(LocalDate.of(2026, 1, 15), period(BatchKind.MEDICAL, "2026").dueDate());
        assertEquals(Map.of(Item.HOLIDAY_VISIT, 350_000L),
                byItem(Entitlements.of(period(BatchKind.HOLIDAYS, "2027"), List.of(special(1)), WUXI)));
        assertEquals(Map.of(Item.ONE_OFF_PRICE, 30_000L),
                byItem(Entitlements.of(period(BatchKind.ONE_OFF_PRICE, "2026"), List.of(special(1)), WUXI)));
        assertEquals(Map.of(Item.SUMMER_HEAT, 20_000L),
                byItem(Entitlements.of(period(BatchKind.SUMMER, "2026"), List.of(special(1)), WUXI)));
    }

    @Test
    void hardshipHouseholdsGetOnlyTheSummerHeatSubsidy() {
        HouseholdFacts hardship = new HouseholdFacts(2, Level.HARDSHIP, FILED, null, Channel.BANK, List.of(child(5, Stage.PRIMARY)));
        assertTrue(Entitlements.of(period(BatchKind.QUARTER, "2026Q3"), List.of(hardship), WUXI).payments().isEmpty());
        assertTrue(Entitlements.of(period(BatchKind.SCHOOL_YEAR, "2026"), List.of(hardship), WUXI).payments().isEmpty());
        assertEquals(Map.of(Item.SUMMER_HEAT, 20_000L), byItem(Entitlements.of(period(BatchKind.SUMMER, "2026"), List.of(hardship), WUXI)));
    }

    @Test
    void onlyHouseholdsOnFileOnTheDueDateAreEntitled() {
        Period q3 = period(BatchKind.QUARTER, "2026Q3");
        HouseholdFacts filedAfter = new HouseholdFacts(3, Level.SPECIAL, LocalDate.of(2026, 7, 16), null, Channel.BANK, List.of());
        HouseholdFacts filedOnTheDay = new HouseholdFacts(4, Level.SPECIAL, LocalDate.of(2026, 7, 15), null, Channel.BANK, List.of());
        HouseholdFacts leftBefore = new HouseholdFacts(5, Level.SPECIAL, FILED, LocalDate.of(2026, 7, 15), Channel.BANK, List.of());
        HouseholdFacts leavesLater = new HouseholdFacts(6, Level.SPECIAL, FILED, LocalDate.of(2026, 7, 16), Channel.BANK, List.of());
        List<Long> paid = Entitlements.of(q3, List.of(filedAfter, filedOnTheDay, leftBefore, leavesLater), WUXI).payments().stream()
                .map(Entitlement::householdId).distinct().sorted().toList();
        assertEquals(List.of(4L, 6L), paid);
    }

    @Test
    void theStandardInForceOnTheDueDateIsUsedSoAChangeOnlyAffectsLaterPeriods() {
        List<Standard> rows = new ArrayList<>(WUXI.approved());
        rows.add(new Standard(99, Item.LIVING, 180_000L, LocalDate.of(2027, 1, 1)));
        Standards changed = new Standards(rows);
        assertEquals(150_000L, byItem(Entitlements.of(period(BatchKind.QUARTER, "2026Q4"), List.of(special(1)), changed)).get(Item.LIVING));
        Entitlements.Result q1 = Entitlements.of(period(BatchKind.QUARTER, "2027Q1"), List.of(special(1)), changed);
        assertEquals(180_000L, byItem(q1).get(Item.LIVING));
        assertEquals(99L, q1.payments().get(0).standardId());
        assertTrue(q1.payments().get(0).explanation().zh().contains("2027-01-01"));
        assertTrue(q1.payments().get(0).explanation().en().contains("2027-01-01"));
    }

    @Test
    void anItemWithoutAStandardInForceIsNotPaidAndSaysSo() {
        Standards none = new Standards(List.of(new Standard(1, Item.LIVING, 150_000L, LocalDate.of(2020, 1, 1))));
        Entitlements.Result r = Entitlements.of(period(BatchKind.QUARTER, "2026Q3"), List.of(special(1)), none);
        assertEquals(List.of(Item.LIVING), r.payments().stream().map(Entitlement::item).toList());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("PRICE_SUBSIDY"));
        assertEquals("“临时价格补贴”在 2026-07-15 没有已批准的标准，本项不发放。", r.warningTexts().get(0).zh());
        assertTrue(r.warningTexts().get(0).en().startsWith("No approved standard of Temporary price subsidy"), r.warningTexts().get(0)::en);
        Standards later = new Standards(List.of(new Standard(1, Item.MEDICAL, 120_000L, LocalDate.of(2026, 1, 16))));
        assertTrue(Entitlements.of(period(BatchKind.MEDICAL, "2026"), List.of(special(1)), later).payments().isEmpty());
    }

    @Test
    void periodsAreCheckedAgainstTheirKind() {
        assertTrue(Period.of(BatchKind.QUARTER, "2026").isEmpty());
        assertTrue(Period.of(BatchKind.QUARTER, "2026Q5").isEmpty());
        assertTrue(Period.of(BatchKind.MEDICAL, "2026Q1").isEmpty());
        assertTrue(Period.of(BatchKind.SUMMER, "1899").isEmpty());
        assertTrue(Period.of(BatchKind.REISSUE, "2026").isEmpty());
        assertEquals("2026Q4", Period.of(BatchKind.QUARTER, " 2026q4 ").orElseThrow().key());
        assertEquals(LocalDate.of(2026, 9, 1), Period.of(BatchKind.SCHOOL_YEAR, "2026").orElseThrow().dueDate());
        assertEquals("2026Q4", Period.quarterOf(LocalDate.of(2026, 11, 22)));
    }
}
