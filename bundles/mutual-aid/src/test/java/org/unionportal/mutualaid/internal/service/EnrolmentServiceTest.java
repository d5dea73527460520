package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberDraft;
import org.unionportal.api.member.MemberRegistry;
import org.unionportal.api.member.MembershipStatus;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.rules.DemoPlans;
import org.unionportal.mutualaid.internal.rules.NotEligible;
import org.unionportal.mutualaid.internal.rules.PlanTemplate;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;
import org.unionportal.persistence.internal.FakeAuditTrail;

/**
 * Group enrolment through the service on a real database: previews answer coded reasons in one language,
 * confirmed rosters, payments and cancellations are audited, another district sees nothing.
 */
class EnrolmentServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);
    private static final String HEADER = "姓名,身份证号,手机号,性别,类别,参加基本医保,工会会员\n";
    private static final OrganisationInfo KINDERGARTEN = new OrganisationInfo(8, 2L, "实验幼儿园工会", "GRASSROOTS", "/1/2/8/");
    private static final PortalUser OPERATOR = new PortalUser(2, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser OPERATOR2 = new PortalUser(5, "operator2", "operator2", 9, "/1/3/9/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser DISTRICT2 = new PortalUser(4, "district2", "district2", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));
    private static final String LI = IdNumbers.of("320213", LocalDate.of(1985, 3, 1), 2);
    private static final String ZHANG = IdNumbers.of("320213", LocalDate.of(1980, 6, 1), 3);

    @TempDir
    Path dir;
    private TestDatabase db;
    private EnrolmentService enrolments;
    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final List<AuditEntry> audited = trail.entries;
    private long planId;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        planId = plan("WX-3IN1");
        enrolments = new EnrolmentService(db, PortalTime.fixedAt(TODAY));
        enrolments.organisations = new Organisations();
        enrolments.registry = new Registry();
        enrolments.audit = trail;
    }

    /** The three-in-one plan's rules (in service, basic insurance, union member; 120 CNY), enrolment open today. */
    private long plan(String code) {
        PlanTemplate t = DemoPlans.wuxiThreeInOne();
        Plan plan = new Plan(0, code, 0, true, t.nameZh(), t.nameEn(), t.termYears(), t.feeFen(), t.feeBasis(),
                LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), t.waitingDaysIllness(),
                new Plan.PlanRules(t.eligibility(), t.benefits()), t.descriptionZh());
        return db.inTransaction(c -> PlanStore.insertVersion(c, plan, "test"));
    }

    @Test
    void aMembersOwnCoverIsFoundThroughTheRegisterWithTheIdNumberMasked() {
        enrolments.confirm(upload(roster("李娜," + LI + ",13912345678,女,在职职工,是,是")), OPERATOR);
        ((Registry) enrolments.registry).accounts.put(42L, LI);
        EnrolmentService.Cover cover = enrolments.coverOf(new PortalUser(42, "lina", "李娜", 8, "/1/2/8/", Set.of(Role.MEMBER)))
                .orElseThrow();
        long insured = db.read(c -> org.unionportal.api.db.Jdbc.one(c, "SELECT ID FROM MA_MEMBER WHERE ID_NUMBER = ?",
                rs -> rs.getLong(1), LI)).orElseThrow();
        assertEquals(insured, cover.insuredId());
        assertEquals(1, cover.enrolments().size());
        assertFalse(cover.enrolments().toString().contains(LI), () -> "a full ID number: " + cover.enrolments());
        assertEquals(Optional.empty(), enrolments.coverOf(new PortalUser(43, "nobody", "无", 8, "/1/2/8/", Set.of(Role.MEMBER))),
                "an account without a member");
        ((Registry) enrolments.registry).accounts.put(44L, ZHANG);
        assertEquals(Optional.empty(), enrolments.coverOf(new PortalUser(44, "zhang", "张伟", 8, "/1/2/8/", Set.of(Role.MEMBER))),
                "a member who is not insured");
    }

    private static byte[] roster(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPreviewNamesEachEligibilityReasonByItsCodeInTheCallersLanguageOnly() {
        byte[] csv = roster("李娜," + LI + ",13912345678,女,在职职工,否,否", "张伟," + ZHANG + ",13912345679,男,劳务派遣工,是,是");
        Map<String, Object> zh = enrolments.upload(planId, "r.csv", csv, OPERATOR, Language.ZH);
        Map<String, Object> en = enrolments.upload(planId, "r.csv", csv, OPERATOR, Language.EN);
        assertEquals(false, zh.get("canConfirm"));
        assertEquals(List.of("2:" + NotEligible.NO_BASIC_INSURANCE, "2:" + NotEligible.NOT_UNION_MEMBER,
                "3:" + NotEligible.CATEGORY_NOT_COVERED), problems(zh, "code"));
        assertEquals(problems(zh, "code"), problems(en, "code"), "the codes do not depend on the language");
        assertEquals("非工会会员", problems(zh, "message").get(1).substring(2));
        assertEquals("Not a union member", problems(en, "message").get(1).substring(2));
        for (String message : problems(zh, "message")) {
            assertFalse(message.matches("(?s).*[A-Za-z]{3,}.*"), () -> "English in a Chinese answer: " + message);
        }
        for (String message : problems(en, "message")) {
            assertTrue(message.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    () -> "Chinese in an English answer: " + message);
        }
        assertEquals(List.of(), audited, "a preview decides nothing");
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Map<String, Object> preview, String key) {
        return ((List<Map<String, Object>>) preview.get("problems")).stream().map(p -> p.get("line") + ":" + p.get(key)).toList();
    }

    @Test
    void aConfirmedRosterIsAuditedAndOnlyItsSubtreeSeesIt() {
        long uploadId = upload(roster("李娜," + LI + ",13912345678,女,在职职工,是,是", "张伟," + ZHANG + ",13912345679,男,在职职工,是,是"));
        assertProblem(404, "roster_upload_not_found", () -> enrolments.confirm(uploadId, OPERATOR2));
        Map<String, Object> done = enrolments.confirm(uploadId, OPERATOR);
        long batchId = (Long) done.get("batchId");
        assertEquals("PENDING_PAYMENT", done.get("status"));
        assertProblem(409, "roster_upload_done", () -> enrolments.confirm(uploadId, OPERATOR));

        AuditEntry created = only("enrolment-batch", "CREATE");
        assertEquals(String.valueOf(batchId), created.recordId());
        assertEquals("/1/2/8/", created.orgPath());
        assertEquals("operator", created.actor().username());
        assertEquals(2, created.after().get("persons"));
        assertEquals(2, created.after().get("newPersons"));
        assertEquals(uploadId, created.after().get("uploadId"));
        assertEquals("PENDING_PAYMENT", created.after().get("status"));

        assertEquals(2L, enrolments.page(null, null, null, DISTRICT).get("total"));
        assertEquals(0L, enrolments.page(null, null, null, DISTRICT2).get("total"));
        assertEquals(0L, enrolments.page(batchId + 1, null, null, DISTRICT).get("total"));
        assertEquals(List.of(batchId), enrolments.batches(DISTRICT).stream().map(EnrolmentStore.Batch::id).toList());
        assertEquals(List.of(), enrolments.batches(DISTRICT2));
        assertEquals(List.of(), enrolments.exportRows(null, DISTRICT2));
        List<List<Object>> rows = enrolments.exportRows(batchId, DISTRICT);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).get(2).toString().contains("*"), () -> "ID number not masked: " + rows.get(0));
        assertEquals("待缴费", rows.get(0).get(10), "the export's status is labelled");
        assertProblem(403, "staff_only", () -> enrolments.page(null, null, null,
                new PortalUser(9, "member", "member", 8, "/1/2/8/", Set.of(Role.MEMBER))));
    }

    @Test
    void aPersonWhoJoinedAnotherUnionAfterThePreviewIsRefusedAtTheConfirmAsAnotherUnionsRowAndNothingIsWritten() {
        long uploadId = upload(roster("李娜," + LI + ",13912345678,女,在职职工,是,是", "张伟," + ZHANG + ",13912345679,男,在职职工,是,是"));
        Registry registry = (Registry) enrolments.registry;
        registry.otherUnion.add(ZHANG);
        registry.otherUnionLookups = 0;

        ProblemException refused = assertProblem(422, "roster_has_problems", () -> enrolments.confirm(uploadId, OPERATOR));
        assertEquals(List.of("line 3: idNumber:" + org.unionportal.api.member.OtherUnionException.CODE),
                refused.errors().stream().map(e -> e.field() + ":" + e.code()).toList());
        assertEquals(0L, enrolments.page(null, null, null, DISTRICT).get("total"), "the roster is written whole or not at all");
        assertEquals(List.of(), audited);

        registry.otherUnion.clear();
        assertEquals(2, enrolments.confirm(uploadId, OPERATOR).get("persons"), "the upload can still be confirmed");
        assertEquals(0, registry.otherUnionLookups, "a roster without problems is not looked up a second time");
    }

    @Test
    void paymentAndCancellationAreDecisionsOfTheSubtreeInTheAuditTrail() {
        long first = (Long) enrolments.confirm(upload(roster("李娜," + LI + ",13912345678,女,在职职工,是,是")), OPERATOR).get("batchId");
        long second = (Long) enrolments.confirm(upload(roster("张伟," + ZHANG + ",13912345679,男,在职职工,是,是")), OPERATOR).get("batchId");
        audited.clear();

        assertProblem(404, "batch_not_found", () -> enrolments.paid(first, DISTRICT2));
        assertEquals("ACTIVE", enrolments.paid(first, DISTRICT).status());
        AuditEntry paid = only("enrolment-batch", "PAYMENT_RECEIVED");
        assertEquals(String.valueOf(first), paid.recordId());
        assertEquals("PENDING_PAYMENT", paid.before().get("status"));
        assertEquals("ACTIVE", paid.after().get("status"));
        assertEquals("district", paid.actor().username());

        ProblemException late = assertProblem(409, "batch_status", () -> enrolments.cancel(first, OPERATOR));
        assertTrue(late.message().zh().contains("保障中") && late.message().en().contains("active"), late.message()::toString);
        assertEquals("CANCELLED", enrolments.cancel(second, OPERATOR).status());
        assertEquals("CANCELLED", only("enrolment-batch", "CANCEL").after().get("status"));
        assertEquals(2, audited.size(), "refused decisions leave nothing: " + audited);
    }

    @Test
    void anUnpaidGroupWhoseCoverHasEndedIsExpiredAndNoLongerToPayOrCancel() {
        long batch = (Long) enrolments.confirm(upload(roster("李娜," + LI + ",13912345678,女,在职职工,是,是")), OPERATOR).get("batchId");
        EnrolmentService nextYear = new EnrolmentService(db, PortalTime.fixedAt(LocalDate.of(2027, 1, 1)));   // cover ended 2026-12-31
        nextYear.organisations = enrolments.organisations;
        nextYear.registry = enrolments.registry;
        nextYear.audit = trail;
        audited.clear();

        assertEquals(List.of("EXPIRED"), nextYear.batches(DISTRICT).stream().map(EnrolmentStore.Batch::status).toList());
        ProblemException late = assertProblem(409, "batch_status", () -> nextYear.paid(batch, DISTRICT));
        assertTrue(late.message().zh().contains("已到期") && late.message().en().contains("expired"), late.message()::toString);
        assertProblem(409, "batch_status", () -> nextYear.cancel(batch, OPERATOR));
        assertEquals(List.of(), audited, "refused decisions leave nothing");
        assertEquals(List.of("PENDING_PAYMENT"), enrolments.batches(DISTRICT).stream().map(EnrolmentStore.Batch::status).toList(),
                "before its cover ended it waited for payment");
    }

    @Test
    void aRosterThatChangesAnInsuredPersonsOwnFieldsRecordsTheChange() {
        enrolments.confirm(upload(roster("李娜," + LI + ",13912345678,女,在职职工,是,是")), OPERATOR);
        long otherPlan = plan("WX-OTHER");
        Map<String, Object> preview = enrolments.upload(otherPlan, "r.csv",
                roster("李娜," + LI + ",13912345678,女,劳模,是,是", "张伟," + ZHANG + ",13912345679,男,在职职工,是,是"), OPERATOR, Language.ZH);
        assertEquals(true, preview.get("canConfirm"), () -> "preview: " + preview);
        audited.clear();
        enrolments.confirm((Long) preview.get("uploadId"), OPERATOR);

        AuditEntry changed = only("insured-person", "UPDATE");
        assertEquals("EMPLOYEE", changed.before().get("category"));
        assertEquals("MODEL_WORKER", changed.after().get("category"));
        assertEquals(1, only("enrolment-batch", "CREATE").after().get("newPersons"), "张伟 is new, 李娜 was known");
    }

    @Test
    void aRosterLargerThanOneWriteChunkIsRegisteredAndEnrolledChunkByChunkWithEveryRowOnce() {
        // a first chunk of new people read back by a range of ids (more than the store's SCAN_FROM), a second by ID numbers
        enrolments.writeChunk = 1100;
        int persons = 1100 + 3;
        String[] rows = new String[persons];
        for (int i = 0; i < persons; i++) {
            String id = IdNumbers.of("320213", LocalDate.of(1975, 1, 1).plusDays(i), 4);
            rows[i] = "会员" + i + "," + id + ",139" + String.format("%08d", i) + "," + ("F".equals(IdNumbers.gender(id)) ? "女" : "男")
                    + ",在职职工,是,是";
        }
        long uploadId = upload(roster(rows));
        Registry registry = (Registry) enrolments.registry;

        Map<String, Object> confirmed = enrolments.confirm(uploadId, OPERATOR);

        assertEquals(persons, confirmed.get("persons"));
        assertEquals(List.of(1100, 3), registry.chunks, "the register is handed a chunk at a time");
        long batchId = (Long) confirmed.get("batchId");
        assertEquals((long) persons, enrolments.page(batchId, null, null, DISTRICT).get("total"));
        assertEquals((Long) (long) persons, db.<Long>read(c -> org.unionportal.api.db.Jdbc.count(c,
                "SELECT COUNT(DISTINCT MEMBER_ID) FROM MA_ENROLMENT WHERE BATCH_ID = ?", batchId)), "every row its own insured person");
        assertEquals((Long) (long) persons, db.<Long>read(c -> org.unionportal.api.db.Jdbc.count(c,
                "SELECT COUNT(*) FROM MA_MEMBER M JOIN MA_ENROLMENT E ON E.MEMBER_ID = M.ID AND E.BATCH_ID = ? "
                        + "WHERE M.REGISTER_ID IS NOT NULL", batchId)), "each linked to its register member");
        assertEquals(persons, only("enrolment-batch", "CREATE").after().get("newPersons"));
        assertEquals(1, audited.size(), "one entry for the roster, none per new person: " + audited.size());
    }

    private long upload(byte[] csv) {
        Map<String, Object> preview = enrolments.upload(planId, "r.csv", csv, OPERATOR, Language.ZH);
        assertEquals(true, preview.get("canConfirm"), () -> "preview: " + preview);
        return (Long) preview.get("uploadId");
    }

    private AuditEntry only(String recordType, String action) {
        List<AuditEntry> found = audited.stream().filter(e -> e.recordType().equals(recordType) && e.action().equals(action)).toList();
        assertEquals(1, found.size(), () -> recordType + " " + action + " in " + audited);
        assertEquals("mutual-aid", found.get(0).module());
        return found.get(0);
    }

    private static ProblemException assertProblem(int status, String code, Executable call) {
        ProblemException p = assertThrows(ProblemException.class, call);
        assertEquals(status, p.status(), p::toString);
        assertEquals(code, p.code(), p::toString);
        return p;
    }

    /** The kindergarten's union (/1/2/8/) and another district's (/1/3/9/). */
    private static final class Organisations implements OrganisationDirectory {
        private static final List<OrganisationInfo> ALL = List.of(KINDERGARTEN,
                new OrganisationInfo(9, 3L, "快递工会", "GRASSROOTS", "/1/3/9/"));

        @Override
        public Optional<OrganisationInfo> byId(long id) {
            return ALL.stream().filter(o -> o.id() == id).findFirst();
        }

        @Override
        public List<OrganisationInfo> subtree(String path) {
            return ALL.stream().filter(o -> o.path().startsWith(path)).toList();
        }

        @Override
        public Optional<OrganisationInfo> byName(String name) {
            return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        @Override
        public Optional<OrganisationInfo> byCode(String code) {
            return Optional.empty();
        }
    }

    /** A register that takes everyone into the union it is given, member ids from 1000 by ID number. */
    private static final class Registry implements MemberRegistry {
        private final Map<String, Long> ids = new LinkedHashMap<>();
        /** Accounts linked to a person (user id to ID number), for {@link #ofUser}. */
        final Map<Long, String> accounts = new LinkedHashMap<>();

        /** ID numbers of another union's members: refused by {@link #register} and named by {@link #ofOtherUnions}. */
        final Set<String> otherUnion = new java.util.TreeSet<>();
        int otherUnionLookups;

        /** The sizes of the lists {@link #register(Connection, List, long, String)} was given. */
        final List<Integer> chunks = new java.util.ArrayList<>();

        @Override
        public Map<String, Member> register(Connection c, List<MemberDraft> drafts, long orgId, String actor) {
            chunks.add(drafts.size());
            List<String> refused = drafts.stream().map(MemberDraft::idNumber).filter(otherUnion::contains).toList();
            if (!refused.isEmpty()) {
                throw new org.unionportal.api.member.OtherUnionException(refused);
            }
            OrganisationInfo org = new Organisations().byId(orgId).orElseThrow();
            Map<String, Member> out = new LinkedHashMap<>();
            for (MemberDraft d : drafts) {
                long id = ids.computeIfAbsent(d.idNumber(), k -> 1000L + ids.size());
                out.put(d.idNumber(), new Member(id, d.idNumber(), d.name(), d.phone(), IdNumbers.gender(d.idNumber()),
                        IdNumbers.birthDate(d.idNumber()), orgId, org.path(), d.categories(), null, MembershipStatus.ACTIVE,
                        null, null, null));
            }
            return out;
        }

        @Override public Optional<Member> byId(long id, String subtreePath) { return Optional.empty(); }
        @Override public Optional<Member> byIdNumber(String idNumber, String subtreePath) { return Optional.empty(); }
        @Override
        public Optional<Member> ofUser(long userId) {
            String idNumber = accounts.get(userId);
            if (idNumber == null) {
                return Optional.empty();
            }
            long id = ids.computeIfAbsent(idNumber, k -> 1000L + ids.size());
            return Optional.of(new Member(id, idNumber, "会员", null, IdNumbers.gender(idNumber), IdNumbers.birthDate(idNumber), 8,
                    "/1/2/8/", Set.of(), null, MembershipStatus.ACTIVE, null, null, null));
        }
        @Override public List<Member> byIds(Collection<Long> ids, String subtreePath) { return List.of(); }
        @Override public Set<String> ofOtherUnions(Collection<String> idNumbers, long orgId) { return ofOtherUnions(null, idNumbers, orgId); }
        @Override
        public Set<String> ofOtherUnions(Connection c, Collection<String> idNumbers, long orgId) {
            otherUnionLookups++;
            return idNumbers.stream().filter(otherUnion::contains).collect(java.util.stream.Collectors.toSet());
        }
        @Override public Member register(MemberDraft draft, long orgId, String actor) { throw new UnsupportedOperationException(); }
        @Override public Member adopt(Connection c, MemberDraft d, long orgId, Long userId, String actor) {
            throw new UnsupportedOperationException();
        }
    }
}
