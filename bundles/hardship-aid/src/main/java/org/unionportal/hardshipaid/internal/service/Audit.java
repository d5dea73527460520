package org.unionportal.hardshipaid.internal.service;

import java.util.Map;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.api.security.PortalUser;
import org.unionportal.hardshipaid.internal.store.BatchStore.Batch;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Summary;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore.Award;
import org.unionportal.hardshipaid.internal.store.StandardStore.Row;

/**
 * What the portal's audit trail keeps of this module's records: their state and decisions, never ID numbers, incomes,
 * illnesses, accounts or document contents (those stay in the module, masked where shown).
 */
final class Audit {
    static final String MODULE = "hardship-aid";

    private Audit() {
    }

    static AuditEntry entry(String recordType, Object recordId, String action, String orgPath, PortalUser user) {
        return AuditEntry.of(MODULE, recordType, recordId, action, orgPath, Actor.of(user));
    }

    static Map<String, Object> of(Summary h) {
        return AuditFields.of("status", h.status().code(), "requestedLevel", code(h.requestedLevel()), "level", code(h.level()),
                "fileLevel", code(h.fileLevel()), "certificateNo", h.certificateNo(), "orgId", h.orgId(), "memberCount", h.memberCount(),
                "causes", String.join(",", h.causes()), "nextReviewDate", text(h.nextReviewDate()), "leftOn", text(h.leftOn()));
    }

    static Map<String, Object> of(Row standard) {
        return AuditFields.of("item", standard.item().name(), "amountFen", standard.amountFen(), "effectiveFrom", text(standard.effectiveFrom()),
                "status", standard.status().code(), "note", standard.note());
    }

    static Map<String, Object> of(Batch b) {
        return AuditFields.of("kind", b.kind().name(), "period", b.period(), "status", b.status().code(), "lineCount", b.lineCount(),
                "totalFen", b.totalFen(), "reissueOf", b.reissueOf());
    }

    static Map<String, Object> of(Award a) {
        return AuditFields.of("householdId", a.householdId(), "year", a.year(), "amountFen", a.amountFen(), "status", a.status().code(),
                "note", a.note(), "paid", a.paidAt() != null);
    }

    private static String code(org.unionportal.api.i18n.Labelled value) {
        return value == null ? null : value.code();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
