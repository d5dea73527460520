package org.unionportal.mutualaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The claim's state machine: which decision from where, to where, by whom. */
class ClaimActionTest {
    @Test
    void aClaimGoesFromDraftThroughReviewToApprovalOnlyAlongTheAllowedSteps() {
        ClaimStatus status = ClaimStatus.DRAFT;
        for (ClaimAction step : List.of(ClaimAction.SUBMIT, ClaimAction.START_REVIEW, ClaimAction.RETURN, ClaimAction.RESUBMIT,
                ClaimAction.APPROVE)) {
            assertTrue(step.possibleFrom(status), () -> step + " refused");
            status = step.to();
        }
        assertEquals(ClaimStatus.APPROVED, status);
        for (ClaimAction any : ClaimAction.values()) {
            assertFalse(any.possibleFrom(ClaimStatus.APPROVED), () -> any + " possible on an approved claim");
            assertFalse(any.possibleFrom(ClaimStatus.PAID), () -> any + " possible on a paid claim");
            assertFalse(any.possibleFrom(ClaimStatus.REJECTED), () -> any + " possible on a rejected claim");
        }
    }

    @Test
    void reviewersDecideAndFilersSend() {
        Set<ClaimAction> byFilers = EnumSet.noneOf(ClaimAction.class);
        for (ClaimAction a : ClaimAction.values()) {
            if (a.actor() == ClaimAction.Actor.FILER) {
                byFilers.add(a);
            }
        }
        assertEquals(EnumSet.of(ClaimAction.SUBMIT, ClaimAction.RESUBMIT), byFilers);
        assertEquals(EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW), ClaimAction.APPROVE.from());
        assertFalse(ClaimAction.APPROVE.possibleFrom(ClaimStatus.DRAFT), "a draft is approved before its member sent it");
        assertTrue(ClaimAction.RETURN.needsReason() && ClaimAction.REJECT.needsReason());
        assertFalse(ClaimAction.APPROVE.needsReason() || ClaimAction.START_REVIEW.needsReason());
    }

    @Test
    void actionsAreReadInAnyCaseAndNothingElseIsOne() {
        assertEquals(Optional.of(ClaimAction.START_REVIEW), ClaimAction.parse(" start_review "));
        assertEquals(Optional.empty(), ClaimAction.parse("PAY"));
        assertEquals(Optional.empty(), ClaimAction.parse(null));
        assertEquals("退回", ClaimAction.RETURN.label().zh());
        assertEquals("已支付", ClaimStatus.PAID.label().zh());
        assertTrue(ClaimStatus.PAID.countsAgainstCaps() && ClaimStatus.APPROVED.countsAgainstCaps());
        assertFalse(ClaimStatus.SUBMITTED.countsAgainstCaps());
    }
}
