package org.unionportal.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.store.AccountStore;

class AuditTrailTest extends AuditTrailFixture {
    static final PortalUser OPERATOR = new PortalUser(3, "operator", "经办人", 5, "/1/2/5/", Set.of(Role.UNION_OPERATOR));

    private List<AuditStore.Row> find(AuditStore.Filter f) {
        return db.read(c -> AuditStore.list(c, f, 0, 100));
    }

    static AuditStore.Filter subtree(String path) {
        return new AuditStore.Filter(DataScope.subtree(path), null, null, null, null, null, null, null);
    }

    @Test
    void keepsWhoWhenWhichRecordAndOnlyTheFieldsThatChanged() {
        Map<String, Object> before = new LinkedHashMap<>(Map.of("status", "SUBMITTED", "amountFen", 1000, "hospital", "人民医院"));
        Map<String, Object> after = new LinkedHashMap<>(Map.of("status", "APPROVED", "amountFen", 1000L, "hospital", "人民医院",
                "reviewedOn", LocalDate.of(2025, 6, 30)));
        record(AuditEntry.of("mutual-aid", "claim", 5, "APPROVE", "/1/2/5/", Actor.of(OPERATOR)).changes(before, after));

        AuditStore.Row row = find(subtree("/1/")).get(0);
        assertEquals(NOW, row.occurredAt());
        assertEquals(3L, row.userId());
        assertEquals("operator", row.username());
        assertEquals("mutual-aid", row.module());
        assertEquals("claim", row.recordType());
        assertEquals("5", row.recordId());
        assertEquals("APPROVE", row.action());
        assertEquals("{\"status\":\"SUBMITTED\"}", row.beforeJson());
        assertEquals("{\"reviewedOn\":\"2025-06-30\",\"status\":\"APPROVED\"}", row.afterJson());
    }

    @Test
    void anEntryOfARolledBackWriteDoesNotExist() {
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            trail.record(c, AuditEntry.of("mutual-aid", "claim", 5, "DELETE", "/1/2/5/", Actor.of(OPERATOR)));
            throw new IllegalStateException("the delete failed");
        }));
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_AUDIT_ENTRY"));
    }

    @Test
    void manyEntriesAtOnceAreKeptInOrderOverSeveralBatchesAndVanishWithTheirTransaction() {
        int n = 2 * AuditStore.BATCH_CHUNK + 7;  // two full batches and a part
        List<AuditEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(AuditEntry.of("portal", "member", i, "REGISTER", "/1/2/5/", Actor.of(OPERATOR))
                    .changes(Map.of(), Map.of("name", "成员" + i)));
        }
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            trail.recordAll(c, entries);
            throw new IllegalStateException("the roster failed");
        }));
        assertEquals(0, db.count("SELECT COUNT(*) FROM PORTAL_AUDIT_ENTRY"));

        db.inTransaction(c -> {
            trail.recordAll(c, entries);
            trail.recordAll(c, List.of());
            return null;
        });
        List<AuditStore.Row> rows = db.read(c -> AuditStore.list(c, subtree("/1/"), 0, n + 1));
        assertEquals(n, rows.size());
        AuditStore.Row last = rows.get(0);  // newest first
        assertEquals(String.valueOf(n - 1), last.recordId());
        assertEquals("{\"name\":\"成员" + (n - 1) + "\"}", last.afterJson());
        assertEquals(NOW, last.occurredAt());
        assertEquals("operator", last.username());
        assertEquals("0", rows.get(n - 1).recordId(), "oldest first in id order, as given");
    }

    @Test
    void anAdministratorFindsEntriesOfItsSubtreeOnlyPerRecordAndPerUser() {
        record(AuditEntry.of("mutual-aid", "claim", 5, "CREATE", "/1/2/5/", Actor.of(OPERATOR)));
        record(AuditEntry.of("mutual-aid", "claim", 5, "APPROVE", "/1/2/5/", new Actor(9L, "district")));
        record(AuditEntry.of("mutual-aid", "claim", 6, "CREATE", "/1/3/8/", new Actor(10L, "operator2")));
        record(AuditEntry.of("hardship-aid", "household", 5, "CREATE", "/1/2/", Actor.of(OPERATOR)));

        assertEquals(3, find(subtree("/1/2/")).size());
        assertEquals(1, find(subtree("/1/3/")).size());
        assertEquals(4, find(subtree("/1/")).size());
        assertEquals(List.of("APPROVE", "CREATE"), find(new AuditStore.Filter(DataScope.subtree("/1/2/"), "mutual-aid", "claim", "5", null, null,
                null, null)).stream().map(AuditStore.Row::action).toList(), "one record, newest first");
        assertEquals(2, find(new AuditStore.Filter(DataScope.subtree("/1/2/"), null, null, null, "operator", null, null, null)).size());
        assertTrue(find(new AuditStore.Filter(DataScope.subtree("/1/2/"), null, null, null, "operator2", null, null, null)).isEmpty(),
                "another district's user is not found from this subtree");
        assertEquals(0, find(new AuditStore.Filter(DataScope.subtree("/1/"), null, null, null, null, null, NOW.plusSeconds(1), null)).size());
        assertEquals(4, find(new AuditStore.Filter(DataScope.subtree("/1/"), null, null, null, null, null, NOW, NOW.plusSeconds(1))).size());
    }

    @Test
    void theFilterTakesWholeDaysInShanghaiAndRefusesABadDate() {
        PortalUser district = new PortalUser(9, "district", "区", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
        AuditStore.Filter f = AuditResource.filter(district, " mutual-aid ", "", null, "operator", null, "2025-06-30", "2025-06-30");
        assertEquals(DataScope.subtree("/1/2/"), f.scope());
        assertEquals("mutual-aid", f.module());
        assertNull(f.recordType());
        assertEquals(Instant.parse("2025-06-29T16:00:00Z"), f.from());
        assertEquals(Instant.parse("2025-06-30T16:00:00Z"), f.until());
        ProblemException bad = assertThrows(ProblemException.class,
                () -> AuditResource.filter(district, null, null, null, null, null, "30.6.2025", null));
        assertEquals("date_invalid", bad.errors().get(0).code());
    }

    @Test
    void signInsOfTheCoreGoIntoTheTrailUnderTheUsersOrganisation() {
        db.inTransaction(c -> {
            long city = AccountStore.addOrganisation(c, null, "市总工会", "CITY");
            long district = AccountStore.addOrganisation(c, city, "梁溪区总工会", "DISTRICT");
            AccountStore.addUser(c, "district", "区管理员", district, null, "x", Set.of(Role.DISTRICT_ADMIN));
            AccountStore.audit(c, "district", "LOGIN", null);
            AccountStore.audit(c, "nobody", "LOGIN_FAILED", "from 10.0.0.1");
            return null;
        });
        List<AuditStore.Row> rows = find(subtree("/"));
        assertEquals("LOGIN_FAILED", rows.get(0).action());
        assertEquals("/1/", rows.get(0).orgPath(), "a name without an account is the city's");
        assertNull(rows.get(0).userId());
        assertEquals("{\"detail\":\"from 10.0.0.1\"}", rows.get(0).afterJson());
        assertEquals("/1/2/", rows.get(1).orgPath());
        assertEquals("portal", rows.get(1).module());
        assertEquals("district", rows.get(1).recordId());
    }

    @Test
    void theMigrationCarriesTheSignInsKeptBeforeIntoTheTrail() throws Exception {
        // V5's last statement, run again over rows of the old table (the migration itself ran on an empty one)
        String v5;
        String folder = db.dialect().name().equals("postgresql") ? "/db/migration/postgresql/" : "/db/migration/";
        try (var in = getClass().getResourceAsStream(folder + "V5__attachments_notifications_audit.sql")) {
            v5 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String copy = v5.substring(v5.lastIndexOf("INSERT INTO PORTAL_AUDIT_ENTRY")).strip();
        String sql = copy.substring(0, copy.length() - 1);
        db.inTransaction(c -> {
            long city = AccountStore.addOrganisation(c, null, "市总工会", "CITY");
            long district = AccountStore.addOrganisation(c, city, "梁溪区总工会", "DISTRICT");
            AccountStore.addUser(c, "district", "区管理员", district, null, "x", Set.of(Role.DISTRICT_ADMIN));
            for (String[] row : List.of(new String[] {"district", "LOGIN", null}, new String[] {"ghost", "LOGIN_FAILED", "from 10.0.0.1"},
                    new String[] {"district", "MODULE_INSTALL", "say \"hi\""})) {
                org.unionportal.api.db.Jdbc.update(c, "INSERT INTO PORTAL_AUDIT (OCCURRED_AT, USERNAME, ACTION, DETAIL) VALUES (?, ?, ?, ?)",
                        NOW, row[0], row[1], row[2]);
            }
            org.unionportal.api.db.Jdbc.update(c, sql);
            return null;
        });
        List<AuditStore.Row> rows = find(subtree("/"));
        assertEquals(3, rows.size());
        AuditStore.Row login = rows.stream().filter(r -> r.action().equals("LOGIN")).findFirst().orElseThrow();
        assertEquals("/1/2/", login.orgPath());
        assertEquals("portal", login.module());
        AuditStore.Row ghost = rows.stream().filter(r -> r.action().equals("LOGIN_FAILED")).findFirst().orElseThrow();
        assertEquals("/1/", ghost.orgPath(), "a name without an account is the root's");
        assertEquals("{\"detail\":\"from 10.0.0.1\"}", ghost.afterJson());
        assertNull(rows.stream().filter(r -> r.action().equals("MODULE_INSTALL")).findFirst().orElseThrow().afterJson(),
                "a detail JSON would need escaping for is left out");
    }

    @Test
    void valuesAreComparedAsJsonKeepsThemAndTooMuchKeepsOnlyTheFieldNames() {
        assertNull(AuditChanges.of(Map.of("n", 5), Map.of("n", 5L)).after(), "5 and 5L are the same");
        AuditChanges.Json created = AuditChanges.of(Map.of(), Map.of("name", "陈静"));
        assertNull(created.before());
        assertEquals("{\"name\":\"陈静\"}", created.after());
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            big.put("f" + i, "x".repeat(400));
        }
        String json = AuditChanges.of(Map.of(), big).after();
        assertTrue(json.length() <= AuditChanges.MAX_JSON, json.length() + " characters");
        assertTrue(json.contains("\"_truncated\":true") && json.contains("f39"), json);
    }
}
