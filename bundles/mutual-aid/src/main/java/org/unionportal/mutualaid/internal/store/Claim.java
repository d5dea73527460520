package org.unionportal.mutualaid.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.EventType;

/** A claim as stored, with the rules' assessment at filing (or at approval, when recomputed). */
public record Claim(long id, long enrolmentId, long memberId, String memberName, String idNumber, String orgPath,
                    String planCode, String planNameZh, EventType eventType, LocalDate eventDate, LocalDate admissionDate,
                    LocalDate dischargeDate, String hospital, String diagnosis, String criticalIllness, Integer disabilityGrade,
                    long totalCostFen, long basicPaidFen, long commercialPaidFen, ClaimStatus status, long computedFen,
                    Long approvedFen, Assessment assessment, String reason, String filedBy, Instant filedAt,
                    Long payoutBatchId, String payeeBank, String payeeAccount, LocalDate paidOn, String paymentFailure,
                    String planNameEn) {

    /** What lists show of this claim. */
    public ClaimSummary summary() {
        return new ClaimSummary(id, enrolmentId, memberName, idNumber, planCode, planNameZh, eventType, eventDate, admissionDate,
                dischargeDate, hospital, totalCostFen, status, computedFen, approvedFen, filedBy, filedAt, payoutBatchId, paidOn, planNameEn);
    }

    public ClaimFacts facts() {
        return new ClaimFacts(eventType, eventDate, admissionDate, dischargeDate, criticalIllness, disabilityGrade,
                totalCostFen, basicPaidFen, commercialPaidFen);
    }
}
