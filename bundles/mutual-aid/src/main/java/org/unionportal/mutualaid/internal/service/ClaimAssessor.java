package org.unionportal.mutualaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.BenefitCalculator;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.Cover;
import org.unionportal.mutualaid.internal.rules.PriorUsage;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;

/** Computes a claim by its plan's rules, with what the enrolment's other approved claims already used. */
public final class ClaimAssessor {
    private ClaimAssessor() {
    }

    /** {@code claimId} is the claim being recomputed (0 for a new one): it does not count against itself. */
    public static Assessment assess(Connection c, EnrolmentStore.EnrolmentView enrolment, ClaimFacts facts, long claimId)
            throws SQLException {
        Plan plan = PlanStore.byId(c, enrolment.planId()).orElseThrow();
        Cover cover = new Cover(enrolment.coverStart(), enrolment.coverEnd(), plan.waitingDays(), enrolment.renewal());
        PriorUsage prior = ClaimStore.priorUsage(c, enrolment.id(), claimId, facts.medicalYear());
        return BenefitCalculator.assess(plan.rules().benefits(), cover, facts, prior);
    }
}
