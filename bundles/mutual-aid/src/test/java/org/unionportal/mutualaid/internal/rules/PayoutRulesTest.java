package org.unionportal.mutualaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A payout batch's state machine and the bank's result, checked against the batch. */
class PayoutRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 11, 30);

    @Test
    void onlyADraftIsApprovedOrDiscardedAndOnlyAnApprovedBatchGetsTheBanksResult() {
        assertTrue(PayoutAction.APPROVE.possibleFrom(PayoutStatus.DRAFT));
        assertTrue(PayoutAction.DISCARD.possibleFrom(PayoutStatus.DRAFT));
        for (PayoutStatus s : List.of(PayoutStatus.APPROVED, PayoutStatus.CLOSED, PayoutStatus.DISCARDED)) {
            assertFalse(PayoutAction.APPROVE.possibleFrom(s), s::name);
            assertFalse(PayoutAction.DISCARD.possibleFrom(s), s::name);
        }
        assertFalse(PayoutAction.EXPORT_BANK_FILE.possibleFrom(PayoutStatus.DRAFT), "no bank file before approval");
        assertTrue(PayoutAction.EXPORT_BANK_FILE.possibleFrom(PayoutStatus.APPROVED));
        assertTrue(PayoutAction.EXPORT_BANK_FILE.possibleFrom(PayoutStatus.CLOSED));
        assertFalse(PayoutAction.EXPORT_BANK_FILE.possibleFrom(PayoutStatus.DISCARDED));
        assertTrue(PayoutAction.RECORD_RESULT.possibleFrom(PayoutStatus.APPROVED));
        assertFalse(PayoutAction.RECORD_RESULT.possibleFrom(PayoutStatus.DRAFT), "no result before approval");
        assertFalse(PayoutAction.RECORD_RESULT.possibleFrom(PayoutStatus.CLOSED), "one result per batch");
        assertEquals(Optional.of(PayoutStatus.CLOSED), PayoutAction.RECORD_RESULT.to());
        assertEquals(Optional.empty(), PayoutAction.EXPORT_BANK_FILE.to());
        assertTrue(PayoutAction.APPROVE.needsSecondPerson());
        assertFalse(PayoutAction.DISCARD.needsSecondPerson(), "either person may stop a batch");
    }

    @Test
    void aClaimInPaymentCountsAgainstTheCapsAndTakesNoDocuments() {
        assertTrue(ClaimStatus.IN_PAYMENT.countsAgainstCaps());
        assertFalse(ClaimStatus.IN_PAYMENT.open());
        assertTrue(ClaimStatus.RETURNED.correctable() && ClaimStatus.DRAFT.correctable());
        assertFalse(ClaimStatus.SUBMITTED.correctable() || ClaimStatus.APPROVED.correctable());
    }

    @Test
    void theListedClaimsFailedWithTheBanksReasonAndTheRestWerePaid() {
        BankResult.Checked checked = BankResult.check(amounts(), TODAY, List.of(new BankResult.Failure(12L, " 账户已销户 ")), APPROVED_ON, TODAY);
        assertEquals(List.of(), checked.problems());
        BankResult r = checked.result();
        assertEquals(List.of(11L, 13L), r.paid());
        assertEquals(Map.of(12L, "账户已销户"), r.failed());
        assertEquals(425_000L + 100L, r.paidFen());
        assertEquals(1_210_000L, r.failedFen());
        assertEquals(TODAY, r.paidOn());
    }

    @Test
    void aResultNamesOnlyClaimsOfTheBatchOnceEachWithAReasonAndAPlausibleDay() {
        List<BankResult.Failure> failures = List.of(new BankResult.Failure(99L, "x"), new BankResult.Failure(12L, "销户"),
                new BankResult.Failure(12L, "again"), new BankResult.Failure(13L, " "), new BankResult.Failure(null, "x"));
        BankResult.Checked checked = BankResult.check(amounts(), TODAY.plusDays(1), failures, APPROVED_ON, TODAY);
        assertNull(checked.result());
        assertEquals(List.of("paidOn:in_future", "failed[0].claimId:not_in_batch", "failed[2].claimId:duplicate",
                "failed[3].reason:reason_needed", "failed[4].claimId:not_in_batch"),
                checked.problems().stream().map(e -> e.field() + ":" + e.code()).toList());
        assertEquals("before_approval", BankResult.check(amounts(), APPROVED_ON.minusDays(1), List.of(), APPROVED_ON, TODAY)
                .problems().get(0).code());
        assertEquals("required", BankResult.check(amounts(), null, null, APPROVED_ON, TODAY).problems().get(0).code());
        String zh = checked.problems().get(0).text().zh();
        String en = checked.problems().get(0).text().en();
        assertTrue(!zh.matches("(?s).*[A-Za-z]{3,}.*") && en.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN), () -> zh + " / " + en);
    }

    private static Map<Long, Long> amounts() {
        Map<Long, Long> amounts = new LinkedHashMap<>();
        amounts.put(11L, 425_000L);
        amounts.put(12L, 1_210_000L);
        amounts.put(13L, 100L);
        return amounts;
    }
}
