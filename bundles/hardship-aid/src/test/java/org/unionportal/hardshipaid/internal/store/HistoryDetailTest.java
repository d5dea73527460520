package org.unionportal.hardshipaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionportal.hardshipaid.internal.rules.HistoryStep;
import org.unionportal.hardshipaid.internal.rules.Level;

class HistoryDetailTest {
    @Test
    void aStepIsReadBackAsItWasWritten() {
        HistoryStep s = HistoryStep.rechecked(Level.SPECIAL, Level.HARDSHIP, null, "TK2026-00001", LocalDate.of(2027, 5, 1), null);
        assertEquals(s.detail(), HistoryDetail.read(HistoryDetail.write(s.detail())));
        assertEquals(Map.of("step", "SAFETY_NET_PAID", "year", 2026, "amountFen", 123_450),
                HistoryDetail.read(HistoryDetail.write(HistoryStep.safetyNetPaid(2026, 123_450).detail())));
    }

    @Test
    void oldRowsAndUnreadableDetailsHaveNoneAndAnOverlongStepKeepsItsCode() {
        assertNull(HistoryDetail.read(null));
        assertNull(HistoryDetail.read("{not json"));
        String json = HistoryDetail.write(HistoryStep.documentAdded("x".repeat(3000) + ".pdf").detail());
        assertTrue(json.length() <= 2000);
        assertEquals(Map.of("step", "DOCUMENT_ADDED"), HistoryDetail.read(json));
    }
}
