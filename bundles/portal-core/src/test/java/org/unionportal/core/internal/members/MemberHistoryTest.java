package org.unionportal.core.internal.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.member.GigOccupation;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.core.internal.audit.AuditStore;

class MemberHistoryTest {
    static final Member CHEN = new Member(7, "320202199207150021", "陈静", "13961000002", "F", LocalDate.of(1992, 7, 15), 12,
            "/1/3/12/", Set.of(MemberCategory.GIG_WORKER, MemberCategory.EMPLOYEE), GigOccupation.COURIER, MembershipStatus.ACTIVE,
            LocalDate.of(2020, 1, 1), null, null);

    static AuditStore.Row row(long id, String action, String before, String after) {
        return new AuditStore.Row(id, Instant.parse("2026-01-0" + id + "T00:00:00Z"), null, "district", "portal", "member", "7",
                action, "/1/3/12/", before, after);
    }

    @Test
    void theTrailGetsMaskedNumbersAndCodes() {
        Map<String, Object> f = MemberHistory.fields(CHEN);
        assertEquals("3202**********0021", f.get("idNumber"));
        assertEquals("139****0002", f.get("phone"));
        assertEquals("EMPLOYEE,GIG_WORKER", f.get("categories"));
        assertFalse(f.toString().contains("13961000002"), f::toString);
    }

    @Test
    void historyLinesAreReadBackFromTheTrail() {
        MemberStore.Event transfer = MemberHistory.event(row(2, "TRANSFER", "{\"orgId\":12}", "{\"orgId\":15,\"reason\":\"调动\"}"));
        assertEquals(12L, transfer.fromOrgId());
        assertEquals(15L, transfer.toOrgId());
        assertEquals("调动", transfer.detail());
        MemberStore.Event update = MemberHistory.event(row(3, "UPDATE", "{\"phone\":\"139****0002\"}",
                "{\"phone\":\"139****0003\",\"file\":\"a.csv\"}"));
        assertEquals("import a.csv; phone: 139****0002 -> 139****0003", update.detail());
        assertEquals("account m1", MemberHistory.event(row(4, "LINK", "{\"userId\":null}", "{\"userId\":5,\"account\":\"m1\"}")).detail());
        assertNull(MemberHistory.event(row(5, "TRANSFER", null, null)).fromOrgId(), "an entry without fields is still a line");
    }

    @Test
    void theOldTableComesFirstAndTimeOrdersTheRest() {
        MemberStore.Event old = new MemberStore.Event(1, Instant.parse("2025-06-01T00:00:00Z"), "demo", "CREATE", null, 12L, "demo");
        List<MemberStore.Event> merged = MemberHistory.merged(List.of(old), List.of(row(3, "UPDATE", null, null),
                row(2, "LINK", null, null)));
        assertEquals(List.of("CREATE", "LINK", "UPDATE"), merged.stream().map(MemberStore.Event::action).toList());
    }

    @Test
    void anExportForAListMasksAndSpeaksOneLanguage() {
        List<Object> zh = MemberExport.row(CHEN, Map.of(12L, "梁溪区实验幼儿园工会"), Language.ZH, MemberExport.PURPOSE);
        assertEquals("3202**********0021", zh.get(1));
        assertEquals("139****0002", zh.get(2));
        assertEquals("女", zh.get(3));
        List<Object> en = MemberExport.row(CHEN, Map.of(12L, "x"), Language.EN, MemberExport.PURPOSE);
        assertEquals("F", en.get(3));
        assertFalse(String.valueOf(en.get(5)).matches(".*[\\u4e00-\\u9fff].*"), () -> "Chinese in an English export: " + en);
        assertEquals(MemberExport.headers(Language.EN).size(), en.size());
    }
}
