package org.unionportal.mutualaid.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionportal.api.security.Masking;
import org.unionportal.mutualaid.internal.store.Claim;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.ClaimSummary;

/** What the API shows of a claim: in a list (summary) or on its own (in full). */
public final class ClaimViews {
    private ClaimViews() {
    }

    /**
     * A claim in a list: masked ID number, no diagnosis, no assessment (those come with the claim itself).
     * Plain JSON values only (dates as ISO text), since the list is written to bytes by the module itself.
     */
    public static Map<String, Object> summary(ClaimSummary c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("enrolmentId", c.enrolmentId());
        v.put("memberName", c.memberName());
        v.put("idNumber", Masking.idNumber(c.idNumber()));
        v.put("planCode", c.planCode());
        v.put("planNameZh", c.planNameZh());
        v.put("planNameEn", c.planNameEn());
        v.put("eventType", c.eventType().name());
        v.put("eventDate", c.eventDate().toString());
        v.put("admissionDate", c.admissionDate() == null ? null : c.admissionDate().toString());
        v.put("dischargeDate", c.dischargeDate() == null ? null : c.dischargeDate().toString());
        v.put("hospital", c.hospital());
        v.put("totalCostFen", c.totalCostFen());
        v.put("status", c.status().code());
        v.put("computedFen", c.computedFen());
        v.put("approvedFen", c.approvedFen());
        v.put("filedBy", c.filedBy());
        v.put("filedAt", c.filedAt().toString());
        v.put("payoutBatchId", c.payoutBatchId());
        v.put("paidOn", c.paidOn() == null ? null : c.paidOn().toString());
        return v;
    }

    /** A claim in full: the summary, then what only the claim itself shows (diagnosis, assessment, history). */
    public static Map<String, Object> full(Claim c, List<ClaimStore.Event> events) {
        return full(c, events, u -> null);
    }

    /** {@link #full(Claim, List)} with people's names ({@code filedByName}, each event's {@code actorName}) where known. */
    public static Map<String, Object> full(Claim c, List<ClaimStore.Event> events, java.util.function.Function<String, String> nameOf) {
        Map<String, Object> v = summary(c.summary());
        v.put("filedByName", nameOf.apply(c.filedBy()));
        // A diagnosis is health data: shown to those who may see the claim at all, never in lists.
        v.put("diagnosis", c.diagnosis());
        v.put("criticalIllness", c.criticalIllness());
        v.put("disabilityGrade", c.disabilityGrade());
        v.put("basicInsuranceFen", c.basicPaidFen());
        v.put("commercialInsuranceFen", c.commercialPaidFen());
        v.put("assessment", c.assessment());
        v.put("reason", c.reason());
        // The account masked: the full number goes only into the bank file.
        v.put("payeeBank", c.payeeBank());
        v.put("payeeAccount", Masking.bankAccount(c.payeeAccount()));
        v.put("paymentFailure", c.paymentFailure());
        if (!events.isEmpty()) {
            v.put("history", events.stream().map(e -> {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("at", e.occurredAt().toString());
                h.put("actor", e.actor());
                h.put("actorName", nameOf.apply(e.actor()));
                h.put("action", e.action());
                h.put("to", e.toStatus());
                h.put("detail", e.detail() == null ? "" : e.detail());
                return h;
            }).toList());
        }
        return v;
    }
}
