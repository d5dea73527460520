package org.unionportal.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFieldsTest {
    @Test
    void namesAndValuesInTurnKeepTheirOrderAndTheirNulls() {
        Map<String, Object> fields = AuditFields.of("status", "PAID", "approvedFen", null, "persons", 3);
        assertEquals(List.of("status", "approvedFen", "persons"), List.copyOf(fields.keySet()));
        assertTrue(fields.containsKey("approvedFen"));
        assertEquals(null, fields.get("approvedFen"));
        assertEquals(3, fields.get("persons"));
        assertEquals(Map.of(), AuditFields.of());
    }

    @Test
    void theCallerMayAddToTheMap() {
        Map<String, Object> fields = AuditFields.of("version", 2);
        fields.put("previousVersionId", 7L);
        assertEquals(Map.of("version", 2, "previousVersionId", 7L), fields);
    }

    @Test
    void aNameWithoutAValueANullNameOrAFieldGivenTwiceIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> AuditFields.of("status", "PAID", "approvedFen"));
        assertThrows(IllegalArgumentException.class, () -> AuditFields.of(null, "PAID"));
        assertThrows(IllegalArgumentException.class, () -> AuditFields.of("status", "PAID", "status", "DRAFT"));
    }
}
