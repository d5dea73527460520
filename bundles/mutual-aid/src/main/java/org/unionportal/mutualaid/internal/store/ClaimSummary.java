package org.unionportal.mutualaid.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.EventType;

/**
 * A claim as lists show it: who, which plan, what happened, how much, where it stands. No diagnosis,
 * no assessment: those are read with the claim itself.
 */
public record ClaimSummary(long id, long enrolmentId, String memberName, String idNumber, String planCode, String planNameZh,
                           EventType eventType, LocalDate eventDate, LocalDate admissionDate, LocalDate dischargeDate,
                           String hospital, long totalCostFen, ClaimStatus status, long computedFen, Long approvedFen,
                           String filedBy, Instant filedAt, Long payoutBatchId, LocalDate paidOn, String planNameEn) {
}
