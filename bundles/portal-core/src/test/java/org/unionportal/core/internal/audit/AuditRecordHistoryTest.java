package org.unionportal.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** One record's history ({@code GET /api/portal/audit/records/{module}/{recordType}/{recordId}}): 404 outside the subtree. */
class AuditRecordHistoryTest extends AuditTrailFixture {
    static final PortalUser DISTRICT = new PortalUser(9, "district", "区管理员", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    static final PortalUser DISTRICT2 = new PortalUser(10, "district2", "区管理员", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));
    static final PortalUser CITY = new PortalUser(1, "admin", "市管理员", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));

    @BeforeEach
    void recordTwoClaimsHistories() {
        record(AuditEntry.of("mutual-aid", "claim", 5, "CREATE", "/1/2/5/", new Actor(3L, "operator")));
        record(AuditEntry.of("mutual-aid", "claim", 5, "APPROVE", "/1/2/5/", new Actor(9L, "district")));
        record(AuditEntry.of("mutual-aid", "claim", 6, "CREATE", "/1/3/8/", new Actor(11L, "operator2")));
    }

    private Map<String, Object> history(PortalUser caller, String module, String type, String id) {
        return db.read(c -> AuditResource.recordHistory(c, caller, module, type, id, 0, 20));
    }

    private ProblemException notFound(PortalUser caller, String module, String type, String id) {
        ProblemException e = assertThrows(ProblemException.class, () -> history(caller, module, type, id));
        assertEquals(404, e.status());
        assertEquals("audit_record_not_found", e.code());
        return e;
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("items")).stream().map(i -> (String) i.get("action")).toList();
    }

    @Test
    void aRecordOfTheCallersSubtreeAnswersItsEntriesNewestFirst() {
        Map<String, Object> own = history(DISTRICT, "mutual-aid", "claim", "5");
        assertEquals(2L, own.get("total"));
        assertEquals(List.of("APPROVE", "CREATE"), actions(own));
        assertEquals(List.of("CREATE"), actions(history(DISTRICT2, "mutual-aid", "claim", "6")));
        assertEquals(2L, history(CITY, "mutual-aid", "claim", "5").get("total"), "the city sees every district's records");
    }

    @Test
    void anotherDistrictsRecordAnswersExactlyLikeAnUnknownOne() {
        ProblemException other = notFound(DISTRICT2, "mutual-aid", "claim", "5");
        ProblemException unknown = notFound(DISTRICT2, "mutual-aid", "claim", "987654321");
        assertEquals(unknown.message(), other.message());
        notFound(DISTRICT, "mutual-aid", "claim", "6");
        notFound(DISTRICT, "hardship-aid", "claim", "5");   // same id, other module
        notFound(DISTRICT, "mutual-aid", "household", "5");
    }

    @Test
    void valuesLongerThanTheirColumnAreNoRecord() {
        notFound(CITY, "m".repeat(AuditResource.MAX_MODULE + 1), "claim", "5");
        notFound(CITY, "mutual-aid", "t".repeat(AuditResource.MAX_RECORD_TYPE + 1), "5");
        notFound(CITY, "mutual-aid", "claim", "9".repeat(AuditResource.MAX_RECORD_ID + 1));
    }
}
