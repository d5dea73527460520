package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A household's history steps are data the page says in its language; only what a person wrote is a note. */
class HistoryStepTest {
    @Test
    void anApprovalKeepsLevelsAndCertificateAsDataAndOnlyTheReviewersNoteAsNote() {
        HistoryStep s = HistoryStep.approved(Level.SPECIAL, FileLevel.DISTRICT, "TK2026-00004", false, "  材料齐全  ");
        assertEquals("APPROVE", s.action());
        assertEquals(Map.of("step", "APPROVED", "level", "SPECIAL", "fileLevel", "DISTRICT", "certificateNo", "TK2026-00004"), s.detail());
        assertEquals("材料齐全", s.note());
        assertEquals(Boolean.TRUE, HistoryStep.approved(Level.HARDSHIP, FileLevel.CITY, null, true, null).detail().get("demo"));
    }

    @Test
    void aRecheckSaysFromWhichLevelToWhichAndWhichCertificateWentWhere() {
        HistoryStep up = HistoryStep.rechecked(Level.HARDSHIP, Level.SPECIAL, "TK2026-00009", null, LocalDate.of(2027, 5, 1), " ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("step", "RECHECKED");
        expected.put("from", "HARDSHIP");
        expected.put("level", "SPECIAL");
        expected.put("certificateIssued", "TK2026-00009");
        expected.put("nextRecheck", "2027-05-01");
        assertEquals(expected, up.detail());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(up.detail().keySet()));
        assertNull(up.note());
        assertEquals("TK2026-00001", HistoryStep.rechecked(Level.SPECIAL, Level.HARDSHIP, null, "TK2026-00001", LocalDate.of(2027, 5, 1), null)
                .detail().get("certificateWithdrawn"));
    }

    @Test
    void everyStepHasItsActionAndCode() {
        record Expected(HistoryStep step, String action, String code) {
        }
        List<Expected> all = List.of(new Expected(HistoryStep.filed(Level.HARDSHIP), "FILE", "FILED"),
                new Expected(HistoryStep.filed(null), "FILE", "FILED"),
                new Expected(HistoryStep.resubmitted(), "UPDATE", "RESUBMITTED"),
                new Expected(HistoryStep.changed(3), "UPDATE", "CHANGED"),
                new Expected(HistoryStep.returned("缺收入证明"), "RETURN", "RETURNED"),
                new Expected(HistoryStep.rejected("收入超标"), "REJECT", "REJECTED"),
                new Expected(HistoryStep.left(LocalDate.of(2026, 6, 30), "已脱困"), "LEAVE", "LEFT"),
                new Expected(HistoryStep.documentAdded("收入证明.pdf"), "DOCUMENT", "DOCUMENT_ADDED"),
                new Expected(HistoryStep.documentRemoved("收入证明.pdf"), "DOCUMENT_DELETED", "DOCUMENT_REMOVED"),
                new Expected(HistoryStep.safetyNetProposed(2026, 123_450), "SAFETY_NET", "SAFETY_NET_PROPOSED"),
                new Expected(HistoryStep.safetyNetDecided(2026, 123_450, true), "SAFETY_NET", "SAFETY_NET_APPROVED"),
                new Expected(HistoryStep.safetyNetDecided(2026, 123_450, false), "SAFETY_NET", "SAFETY_NET_REJECTED"),
                new Expected(HistoryStep.safetyNetPaid(2026, 123_450), "SAFETY_NET", "SAFETY_NET_PAID"));
        for (Expected e : all) {
            assertEquals(e.action(), e.step().action(), e.code());
            assertEquals(e.code(), e.step().step());
        }
        assertNull(HistoryStep.filed(null).detail().get("level"));
        assertEquals("HARDSHIP", HistoryStep.filed(Level.HARDSHIP).detail().get("level"));
        assertEquals(3, HistoryStep.changed(3).detail().get("members"));
        assertEquals("已脱困", HistoryStep.left(LocalDate.of(2026, 6, 30), "已脱困").note());
        assertEquals(Map.of("step", "SAFETY_NET_PAID", "year", 2026, "amountFen", 123_450L), HistoryStep.safetyNetPaid(2026, 123_450).detail());
    }
}
