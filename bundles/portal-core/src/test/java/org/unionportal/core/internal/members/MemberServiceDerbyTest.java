package org.unionportal.core.internal.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MemberDraft;
import org.unionportal.api.member.MemberListener;
import org.unionportal.api.member.OtherUnionException;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.core.internal.audit.AuditStore;
import org.unionportal.core.internal.audit.PortalAuditTrail;
import org.unionportal.core.internal.store.AccountStore;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The register on Derby, with the core's own migrations, as the portal runs it. */
class MemberServiceDerbyTest {
    @TempDir
    static Path dir;
    static ModuleTestDatabase db;
    static MemberService service;
    static final List<Member> notified = new ArrayList<>();
    static long city;
    static long districtA;
    static long unionA;
    static long unionA2;
    static long unionB;
    static PortalUser operatorA;
    static PortalUser operatorB;
    static PortalUser districtAdminA;
    static PortalUser cityAdmin;
    static long memberAccount;

    @BeforeAll
    static void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
        service = new MemberService(db, new PortalAuditTrail());
        service.addListener((MemberListener) notified::add);
        db.inTransaction(c -> {
            city = AccountStore.addOrganisation(c, null, "市总", "CITY");
            districtA = AccountStore.addOrganisation(c, city, "甲区", "DISTRICT");
            long districtB = AccountStore.addOrganisation(c, city, "乙区", "DISTRICT");
            unionA = AccountStore.addOrganisation(c, districtA, "甲区一厂工会", "GRASSROOTS");
            unionA2 = AccountStore.addOrganisation(c, districtA, "甲区二厂工会", "GRASSROOTS");
            unionB = AccountStore.addOrganisation(c, districtB, "乙区工会", "GRASSROOTS");
            memberAccount = AccountStore.addUser(c, "m1", "会员", unionA, null, "x", Set.of(Role.MEMBER));
            AccountStore.addUser(c, "op", "经办人", unionA, null, "x", Set.of(Role.UNION_OPERATOR));
            return null;
        });
        operatorA = user(unionA, Role.UNION_OPERATOR);
        operatorB = user(unionB, Role.UNION_OPERATOR);
        districtAdminA = user(districtA, Role.DISTRICT_ADMIN);
        cityAdmin = user(city, Role.PLATFORM_ADMIN);
    }

    static PortalUser user(long orgId, Role role) {
        String path = db.read(c -> AccountStore.organisation(c, orgId)).orElseThrow().path();
        return new PortalUser(orgId * 100, role.name().toLowerCase() + orgId, "x", orgId, path, Set.of(role));
    }

    static String id(int n) {
        return IdNumbers.of("320202", LocalDate.of(1980, 1, 1).plusDays(n), 2 * n + 1);
    }

    @Test
    void aRosterRegistersNewPeopleAndUpdatesOnlyTheUnionsOwn() {
        Map<String, Member> first = db.inTransaction(c -> service.register(c, List.of(
                MemberDraft.of(id(1), "张三", "13900000001", MemberCategory.EMPLOYEE),
                MemberDraft.of(id(2), "李四", "13900000002", MemberCategory.GIG_WORKER)), unionA, "op"));
        assertEquals(2, first.size());
        assertEquals(unionA, first.get(id(1)).orgId());
        assertEquals("M", first.get(id(1)).gender());

        // the same union again: name and phone refreshed, categories added, nothing else
        Member again = db.inTransaction(c -> service.register(c, List.of(new MemberDraft(id(1), "张三丰", null,
                Set.of(MemberCategory.MODEL_WORKER), null, null)), unionA, "op")).get(id(1));
        assertEquals("张三丰", again.name());
        assertEquals("13900000001", again.phone(), "a roster without a phone keeps the register's");
        assertEquals(Set.of(MemberCategory.EMPLOYEE, MemberCategory.MODEL_WORKER), again.categories());

        // another union: refused as a whole, nothing written, not even the new person of the same roster
        OtherUnionException refused = assertThrows(OtherUnionException.class, () -> db.inTransaction(c -> service.register(c,
                List.of(MemberDraft.of(id(3), "王五", null, null), MemberDraft.of(id(1), "冒名", "13700000000", null)), unionB, "x")));
        assertEquals(List.of(id(1)), refused.idNumbers());
        assertFalse(refused.message().zh().contains("张三") || refused.message().en().contains(String.valueOf(unionA)));
        assertEquals("张三丰", service.byIdNumber(id(1), "/").orElseThrow().name());
        assertTrue(service.byIdNumber(id(3), "/").isEmpty(), "the roster was rolled back whole");
        assertEquals(Set.of(id(1), id(2)), service.ofOtherUnions(List.of(id(1), id(2), id(3), "junk"), unionB));
        assertEquals(Set.of(), service.ofOtherUnions(List.of(id(1), id(2)), unionA));
    }

    @Test
    void aLargeRosterAnswersEveryMemberAsStoredWithItsOwnAuditEntry() {
        // more new people than MemberStore.SCAN_FROM: read back by a range of ids, not by their ID numbers
        java.util.function.IntFunction<String> bulkId = i -> IdNumbers.of("320203", LocalDate.of(1990, 1, 1).plusDays(i), 11);
        Member known = service.register(MemberDraft.of(bulkId.apply(0), "老会员", null, null), unionA2, "op");
        List<MemberDraft> drafts = new ArrayList<>();
        for (int i = 0; i <= MemberStore.SCAN_FROM + 10; i++) {
            drafts.add(MemberDraft.of(bulkId.apply(i), "批量" + i, "139" + String.format("%08d", i), MemberCategory.EMPLOYEE));
        }
        Map<String, Member> written = db.inTransaction(c -> service.register(c, drafts, unionA2, "op"));

        assertEquals(drafts.size(), written.size());
        assertEquals(known.id(), written.get(bulkId.apply(0)).id(), "the known member keeps its id");
        // as stored (one read: a transaction per member is a minute on PostgreSQL)
        assertEquals(db.read(c -> MemberStore.byIdNumbers(c, drafts.stream().map(MemberDraft::idNumber).toList())), written);
        Member last = written.get(drafts.get(drafts.size() - 1).idNumber());
        assertEquals(List.of("REGISTER"), db.read(c -> AuditStore.ofRecord(c, MemberHistory.MODULE, MemberHistory.RECORD_TYPE,
                String.valueOf(last.id()))).stream().map(AuditStore.Row::action).toList());
        assertEquals(List.of("REGISTER", "UPDATE"), db.read(c -> AuditStore.ofRecord(c, MemberHistory.MODULE,
                MemberHistory.RECORD_TYPE, String.valueOf(known.id()))).stream().map(AuditStore.Row::action).toList());
    }

    @Test
    void aBulkRegistrationAuditsItsNewPeopleInOneEntryAndEachChangedMemberInItsOwn() {
        java.util.function.IntFunction<String> bulkId = i -> IdNumbers.of("320204", LocalDate.of(1991, 1, 1).plusDays(i), 13);
        Member known = service.register(MemberDraft.of(bulkId.apply(0), "老会员", null, null), unionA2, "op");
        List<MemberDraft> drafts = new ArrayList<>();
        for (int i = 0; i < MemberStore.SCAN_FROM + 200; i++) {
            drafts.add(MemberDraft.of(bulkId.apply(i), "批量" + i, "138" + String.format("%08d", i), MemberCategory.EMPLOYEE));
        }
        List<String> idNumbers = drafts.stream().map(MemberDraft::idNumber).toList();
        Map<String, Member> written = new java.util.HashMap<>();
        db.inTransaction(c -> {
            org.unionportal.api.member.BulkRegistration bulk = service.registerInBulk(c, idNumbers, unionA2, "op",
                    Map.of("fileName", "名单.csv"));
            // a small chunk (new members read back by their ID numbers), then a large one (by a range of ids)
            written.putAll(bulk.register(drafts.subList(0, 100)));
            written.putAll(bulk.register(drafts.subList(100, drafts.size())));
            bulk.finish();
            return null;
        });

        assertEquals(drafts.size(), written.size());
        // as stored (one read: a transaction per member is a minute on PostgreSQL)
        assertEquals(db.read(c -> MemberStore.byIdNumbers(c, idNumbers)), written);
        assertEquals("批量0", written.get(bulkId.apply(0)).name(), "the known member is updated");
        assertEquals(List.of("REGISTER", "UPDATE"), db.read(c -> AuditStore.ofRecord(c, MemberHistory.MODULE,
                MemberHistory.RECORD_TYPE, String.valueOf(known.id()))).stream().map(AuditStore.Row::action).toList(),
                "a member the registration changed keeps its own entry");
        Member last = written.get(bulkId.apply(drafts.size() - 1));
        assertEquals(List.of(), db.read(c -> AuditStore.ofRecord(c, MemberHistory.MODULE, MemberHistory.RECORD_TYPE,
                String.valueOf(last.id()))), "no entry per new member");
        List<AuditStore.Row> registrations = db.read(c -> AuditStore.ofRecord(c, MemberHistory.MODULE, MemberHistory.REGISTRATION,
                String.valueOf(unionA2)));
        assertEquals(1, registrations.size(), "one entry for the registration's new people");
        Map<String, Object> after = AuditStore.fields(registrations.get(0).afterJson());
        assertEquals(drafts.size() - 1, after.get("newMembers"));
        assertEquals(1, after.get("changedMembers"));
        assertEquals("名单.csv", after.get("fileName"));
        assertEquals("op", registrations.get(0).username());

        // a new member's history begins with the registration that holds it
        List<MemberStore.Event> history = service.history(user(unionA2, Role.UNION_OPERATOR), last.id());
        assertEquals(List.of("REGISTER"), history.stream().map(MemberStore.Event::action).toList());
        assertEquals(unionA2, history.get(0).toOrgId());
        assertTrue(history.get(0).detail().contains("名单.csv") && history.get(0).detail().contains(String.valueOf(drafts.size() - 1)),
                history.get(0)::detail);
        assertEquals(List.of("REGISTER", "UPDATE"), service.history(user(unionA2, Role.UNION_OPERATOR), known.id()).stream()
                .map(MemberStore.Event::action).toList(), "a member registered before keeps its own beginning");

        // another union's people are refused when the registration begins, every one of them, before anything is written
        String newcomer = IdNumbers.of("320204", LocalDate.of(1992, 1, 1), 15);
        OtherUnionException refused = assertThrows(OtherUnionException.class, () -> db.inTransaction(c ->
                service.registerInBulk(c, List.of(newcomer, bulkId.apply(5), bulkId.apply(7)), unionB, "x", Map.of())));
        assertEquals(List.of(bulkId.apply(5), bulkId.apply(7)).stream().sorted().toList(), refused.idNumbers());
        assertTrue(service.byIdNumber(newcomer, "/").isEmpty());
    }

    @Test
    void lookupsAreScopedToTheSubtree() {
        Member m = service.register(MemberDraft.of(id(10), "赵六", null, null), unionA, "op");
        String pathB = db.read(c -> AccountStore.organisation(c, unionB)).orElseThrow().path();
        assertTrue(service.byId(m.id(), operatorA).isPresent());
        assertTrue(service.byId(m.id(), districtAdminA).isPresent());
        assertTrue(service.byId(m.id(), pathB).isEmpty());
        assertTrue(service.byIdNumber(id(10), operatorB).isEmpty());
        assertEquals(List.of(), service.byIds(List.of(m.id()), pathB));
        assertEquals(1, service.byIds(List.of(m.id()), "/").size());
        assertThrows(ProblemException.class, () -> service.visible(operatorB, m.id()));
    }

    @Test
    void formCreateRefusesAnotherUnionsMemberAndTransferMovesThem() {
        Member m = service.create(operatorA, new MemberRules.Form(id(20), "孙七", "13900000020", Set.of(MemberCategory.EMPLOYEE),
                null, null), null);
        ProblemException other = assertThrows(ProblemException.class, () -> service.create(operatorB,
                new MemberRules.Form(id(20), "孙七", null, Set.of(MemberCategory.EMPLOYEE), null, null), null));
        assertEquals(409, other.status());
        assertEquals(OtherUnionException.CODE, other.code());
        assertEquals("member_exists", assertThrows(ProblemException.class, () -> service.create(operatorA,
                new MemberRules.Form(id(20), "孙七", null, Set.of(MemberCategory.EMPLOYEE), null, null), null)).code());

        assertEquals("transfer_target_outside_scope",
                assertThrows(ProblemException.class, () -> service.transfer(districtAdminA, m.id(), unionB, "x")).code());
        assertEquals(404, assertThrows(ProblemException.class, () -> service.transfer(user(unionB, Role.DISTRICT_ADMIN), m.id(),
                unionB, "x")).status());
        assertEquals(unionA2, service.transfer(districtAdminA, m.id(), unionA2, "调岗").orgId());
        notified.clear();
        Member moved = service.transfer(cityAdmin, m.id(), unionB, "调动");
        assertEquals(unionB, moved.orgId());
        assertEquals(List.of(moved), notified, "modules are told after the commit");
        assertTrue(service.byId(m.id(), districtAdminA).isEmpty());
        List<MemberStore.Event> history = service.history(cityAdmin, m.id());
        assertEquals(List.of("CREATE", "TRANSFER", "TRANSFER"), history.stream().map(MemberStore.Event::action).toList());
        assertEquals(unionA2, history.get(2).fromOrgId());
        assertEquals(unionB, history.get(2).toOrgId());
        assertEquals("调动", history.get(2).detail());
        assertEquals(404, assertThrows(ProblemException.class, () -> service.history(districtAdminA, m.id())).status(),
                "the history is the member's: outside the caller's subtree now");

        // the audit trail has each change, a transfer under the union the member left
        List<AuditStore.Row> trail = db.read(c -> AuditStore.ofRecord(c, "portal", "member", String.valueOf(m.id())));
        assertEquals(List.of("CREATE", "TRANSFER", "TRANSFER"), trail.stream().map(AuditStore.Row::action).toList());
        assertEquals(cityAdmin.username(), trail.get(2).username());
        assertEquals(db.read(c -> AccountStore.organisation(c, unionA2)).orElseThrow().path(), trail.get(2).orgPath());
        assertEquals(Map.of("orgId", unionA2), AuditStore.fields(trail.get(2).beforeJson()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue())));
    }

    @Test
    void theHistoryReadsTheOldTableBeforeTheTrail() {
        Member m = service.create(operatorA, new MemberRules.Form(id(97), "郑十", "13900000040", Set.of(MemberCategory.EMPLOYEE),
                null, null), null);
        // a line written by the register before it moved to the audit trail, dated before the creation above
        db.inTransaction(c -> org.unionportal.api.db.Jdbc.update(c, "INSERT INTO PORTAL_MEMBER_EVENT (MEMBER_ID, OCCURRED_AT, "
                + "ACTOR, ACTION, FROM_ORG_ID, TO_ORG_ID, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)", m.id(),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), "old", "IMPORT", null, null, "2024.xlsx"));
        service.update(operatorA, m.id(), new MemberRules.Form(null, "郑十", "13900000041", Set.of(MemberCategory.EMPLOYEE),
                null, null), null, null);
        List<MemberStore.Event> history = service.history(operatorA, m.id());
        assertEquals(List.of("old", operatorA.username(), operatorA.username()), history.stream().map(MemberStore.Event::actor).toList());
        assertEquals(List.of("IMPORT", "CREATE", "UPDATE"), history.stream().map(MemberStore.Event::action).toList());
        assertEquals("2024.xlsx", history.get(0).detail());
        assertEquals("phone: 139****0040 -> 139****0041", history.get(2).detail(), "phone numbers masked in the history");
    }

    @Test
    void anAccountIsLinkedToOneMember() {
        Member a = service.register(MemberDraft.of(id(30), "周八", null, null), unionA, "op");
        Member b = service.register(MemberDraft.of(id(31), "吴九", null, null), unionA, "op");
        assertEquals(memberAccount, service.linkAccount(operatorA, a.id(), "m1").userId());
        assertEquals(a.id(), service.ofUser(memberAccount).orElseThrow().id());
        assertEquals("account_linked_elsewhere", assertThrows(ProblemException.class,
                () -> service.linkAccount(operatorA, b.id(), "m1")).code());
        assertEquals(422, assertThrows(ProblemException.class, () -> service.linkAccount(operatorA, b.id(), "op")).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> service.linkAccount(operatorB, a.id(), "m1")).status());
        service.linkAccount(operatorA, a.id(), null);
        assertTrue(service.ofUser(memberAccount).isEmpty());
        service.linkAccount(operatorA, a.id(), "m1");

        // adopting a module's person keeps the register's record and links a free account only
        Member adopted = db.inTransaction(c -> service.adopt(c, MemberDraft.of(id(31), "旧名", null, null), unionB, memberAccount, "ma"));
        assertEquals(b.id(), adopted.id());
        assertEquals("吴九", adopted.name());
        assertEquals(null, adopted.userId(), "the account is linked to 周八 already");
    }

    @Test
    void anImportIsCheckedThenWrittenWhole() {
        service.register(MemberDraft.of(id(40), "郑十", null, null), unionB, "x");
        String csv = "序号,姓名,身份证号,手机号,类别,职业\n"
                + "1,钱一," + id(41) + ",13900000041,新就业形态劳动者,外卖骑手\n"
                + "2,钱二," + id(42) + ",,环卫工人、劳务派遣工,\n"
                + "3,冒名," + id(40) + ",,在职职工,\n"
                + "4,钱一," + id(41) + ",,在职职工,\n";
        MemberService.ImportResult preview = service.importFile(operatorA, null, stream(csv), "m.csv", false);
        assertEquals(4, preview.rows());
        assertEquals(List.of("4:冒名:member_of_other_union", "5:钱一:duplicate_in_file"), preview.problems().stream()
                .map(p -> p.line() + ":" + p.name() + ":" + p.code()).toList());
        assertThrows(MemberService.ImportProblems.class, () -> service.importFile(operatorA, null, stream(csv), "m.csv", true));
        assertTrue(service.byIdNumber(id(41), "/").isEmpty());

        String good = "姓名,身份证号,类别,职业\n钱一," + id(41) + ",新就业形态劳动者,外卖骑手\n钱二," + id(42) + ",环卫工人、劳务派遣工,\n";
        MemberService.ImportResult written = service.importFile(operatorA, null, stream(good), "m.csv", true);
        assertEquals(2, written.added());
        assertEquals(Set.of(MemberCategory.SANITATION_WORKER, MemberCategory.DISPATCHED),
                service.byIdNumber(id(42), "/").orElseThrow().categories());
        assertEquals("郑十", service.byIdNumber(id(40), "/").orElseThrow().name(), "another union's member untouched");
        assertEquals(404, assertThrows(ProblemException.class,
                () -> service.importFile(operatorA, unionB, stream(good), "m.csv", false)).status());
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameNewPersonRegisteredTwiceAtOnceIsAConflictNotAFailure() throws Exception {
        java.sql.Connection first = db.connection();
        try {
            service.register(first, List.of(MemberDraft.of(id(50), "并发", null, null)), unionA, "a");
            java.util.concurrent.CompletableFuture<Integer> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    service.register(MemberDraft.of(id(50), "并发", null, null), unionB, "b");
                    return 200;
                } catch (ProblemException e) {
                    return e.status();
                }
            });
            first.commit();
            // waiting on the first's lock it meets the unique ID number; after it, the one-union rule: 409 both ways
            assertEquals(409, second.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            first.close();
        }
        assertEquals(unionA, service.byIdNumber(id(50), "/").orElseThrow().orgId());
    }
}
