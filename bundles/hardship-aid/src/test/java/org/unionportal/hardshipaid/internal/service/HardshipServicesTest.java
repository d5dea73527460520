package org.unionportal.hardshipaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.export.Download;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.ApprovalStatus;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Detail;
import org.unionportal.persistence.internal.FakeAttachments;
import org.unionportal.persistence.internal.FakeNotifications;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The services on a real Derby database with the module's migrations: scope, the state machine, maker-checker. */
class HardshipServicesTest {
    static final OrganisationInfo CITY_ORG = new OrganisationInfo(1, null, "无锡市总工会", "CITY", "/1/");
    static final OrganisationInfo LIANGXI = new OrganisationInfo(2, 1L, "梁溪区总工会", "DISTRICT", "/1/2/");
    static final OrganisationInfo SANITATION = new OrganisationInfo(8, 2L, "梁溪区环卫所工会", "GRASSROOTS", "/1/2/8/");
    static final OrganisationInfo BINHU = new OrganisationInfo(3, 1L, "滨湖区总工会", "DISTRICT", "/1/3/");
    static final List<OrganisationInfo> TREE = List.of(CITY_ORG, LIANGXI, SANITATION, BINHU);

    static final PortalUser ADMIN = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));
    static final PortalUser CHECKER = new PortalUser(9, "checker", "checker", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));
    static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    static final PortalUser DISTRICT2 = new PortalUser(6, "district2", "district2", 3, "/1/3/", Set.of(Role.DISTRICT_ADMIN));
    static final PortalUser OPERATOR = new PortalUser(4, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    private HouseholdService households;
    private StandardService standards;
    private BatchService batches;
    /** What the batches queued in the portal's outbox. */
    private final FakeNotifications outbox = new FakeNotifications();

    /** The union tree above, as the core would answer. */
    static final class Tree implements OrganisationDirectory {
        @Override
        public Optional<OrganisationInfo> byId(long id) {
            return TREE.stream().filter(o -> o.id() == id).findFirst();
        }

        @Override
        public List<OrganisationInfo> subtree(String path) {
            return TREE.stream().filter(o -> o.path().startsWith(path)).toList();
        }

        @Override
        public Optional<OrganisationInfo> byName(String name) {
            return TREE.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        @Override
        public Optional<OrganisationInfo> byCode(String code) {
            return Optional.empty();
        }
    }

    private ModuleTestDatabase db;

    @BeforeEach
    void services() {
        db = ModuleTestDatabase.create(dir, "hardship-aid");
        PortalTime time = PortalTime.fixedAt(TODAY);
        households = new HouseholdService(db, new Tree(), time);
        households.audit = (c, e) -> { };
        households.attachments = new FakeAttachments();
        standards = new StandardService(db, time);
        standards.audit = (c, e) -> { };
        batches = new BatchService(db, time, 730);   // these tests pay periods of the next year
        batches.audit = (c, e) -> { };
        batches.notifications = outbox;
    }

    static HouseholdForm form(int seq) {
        return new HouseholdForm(SANITATION.id(), "某路 " + seq + " 号", "13900001111", List.of("ILLNESS"), "长期服药", "SPECIAL", "BANK", "工行",
                "6222020302000" + String.format("%06d", seq), "AX" + (1000 + seq), List.of(new HouseholdForm.MemberForm("户主" + seq,
                IdNumbers.of("320202", LocalDate.of(1980, 1, 1).plusDays(seq), 1), "SELF", 100_000L, "慢性病", "环卫工", null)));
    }

    private Detail onFile(int seq) {
        long id = households.file(OPERATOR, form(seq)).household().id();
        return households.decide(DISTRICT, id, new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
    }

    @Test
    void anotherDistrictsHouseholdIsNotFoundForReadingAndWriting() {
        long id = onFile(1).household().id();
        for (Runnable call : List.<Runnable>of(
                () -> households.get(DISTRICT2, id),
                () -> households.recheck(DISTRICT2, id, new HouseholdService.Recheck("HARDSHIP", null)),
                () -> households.leave(DISTRICT2, id, new HouseholdService.Leave("已脱困", TODAY)),
                () -> households.document(DISTRICT2, id, 1))) {
            ProblemException p = assertThrows(ProblemException.class, call::run);
            assertEquals(404, p.status());
            assertEquals("household_not_found", p.code());
        }
        assertEquals(0, households.list(DISTRICT2, new HouseholdService.Filter(null, null, null, false), null, null).total());
        assertEquals(1, households.list(DISTRICT, new HouseholdService.Filter(null, null, null, false), null, null).total());
        assertEquals(404, assertThrows(ProblemException.class, () -> households.get(DISTRICT, 999_999)).status());
    }

    @Test
    void theStateMachineRefusesWhatTheStatusDoesNotAllow() {
        Detail applied = households.file(OPERATOR, form(2));
        long id = applied.household().id();
        assertEquals(HouseholdStatus.APPLIED, applied.household().status());
        assertEquals("FILE", applied.history().get(0).action());
        ProblemException notOnFile = assertThrows(ProblemException.class,
                () -> households.recheck(DISTRICT, id, new HouseholdService.Recheck("HARDSHIP", null)));
        assertEquals(409, notOnFile.status());
        assertEquals("household_not_on_file", notOnFile.code());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> households.decide(DISTRICT, id, new HouseholdService.Decision("APPROVE", "SPECIAL", "CITY", null))).status());
        Detail approved = households.decide(DISTRICT, id, new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
        assertEquals(HouseholdStatus.ON_FILE, approved.household().status());
        assertEquals("TK2026-00001", approved.household().certificateNo());
        assertEquals(TODAY.plusYears(1), approved.household().nextReviewDate());
        assertEquals("household_not_applied", assertThrows(ProblemException.class,
                () -> households.decide(DISTRICT, id, new HouseholdService.Decision("REJECT", null, null, "重复"))).code());
        assertEquals("household_not_editable", assertThrows(ProblemException.class, () -> households.update(OPERATOR, id, form(2))).code(),
                "the operator cannot change a household on file");
        Detail rechecked = households.recheck(DISTRICT, id, new HouseholdService.Recheck("HARDSHIP", "收入提高"));
        assertEquals(Level.HARDSHIP, rechecked.household().level());
        assertNull(rechecked.household().certificateNo(), "the certificate goes with the special level");
        assertEquals(409, assertThrows(ProblemException.class, () -> households.file(OPERATOR, form(2))).status(),
                "the same worker cannot be filed twice");
    }

    @Test
    void theOperatorSeesMaskedDataOnceDecidedAndExportsAreMaskedFiles() {
        String headId = IdNumbers.of("320202", LocalDate.of(1980, 1, 1).plusDays(3), 1);
        long id = households.file(OPERATOR, form(3)).household().id();
        assertEquals(headId, households.get(OPERATOR, id).household().headIdNumber(), "an open application shows what was typed");
        households.decide(DISTRICT, id, new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
        Detail operatorView = households.get(OPERATOR, id);
        assertFalse(operatorView.fullAccess());
        assertTrue(operatorView.household().headIdNumber().contains("*"));
        assertNull(operatorView.monthlyIncomeFen());
        assertEquals(headId, households.get(DISTRICT, id).household().headIdNumber());
        Download export = households.export(DISTRICT, "csv", null, null);
        assertTrue(export.personal());
        assertEquals("hardship-households.csv", export.fileName());
        assertEquals(400, assertThrows(ProblemException.class, () -> households.export(DISTRICT, "doc", null, null)).status());
    }

    @Test
    void aStandardForAnItemNeverPaidIsProposedAndNeedsASecondPerson() {
        // an item never paid has no last due date (it answered 500 once: MAX of no rows is NULL)
        var proposed = standards.propose(ADMIN, new StandardService.Proposal("SCHOOLING_BASIC", 110_000L, LocalDate.of(2027, 9, 1), null));
        assertEquals(ApprovalStatus.PROPOSED, proposed.status());
        assertEquals(Item.SCHOOLING_BASIC, proposed.item());
        ProblemException self = assertThrows(ProblemException.class,
                () -> standards.decide(ADMIN, proposed.id(), new StandardService.Decision("APPROVE", null)));
        assertEquals("second_person_needed", self.code());
        assertEquals(ApprovalStatus.APPROVED, standards.decide(CHECKER, proposed.id(), new StandardService.Decision("APPROVE", null)).status());
        assertEquals("standard_decided", assertThrows(ProblemException.class,
                () -> standards.decide(CHECKER, proposed.id(), new StandardService.Decision("REJECT", null))).code());
    }

    @Test
    void aStandardCannotReachBackBeforeADueDatePaid() {
        onFile(4);
        batches.generate(DISTRICT, new BatchService.Generate("MEDICAL", "2027"));
        ProblemException p = assertThrows(ProblemException.class,
                () -> standards.propose(ADMIN, new StandardService.Proposal("MEDICAL", 150_000L, LocalDate.of(2027, 1, 15), null)));
        assertEquals(409, p.status());
        assertEquals("would_change_payments", p.code());
        assertEquals("effectiveFrom", p.errors().get(0).field());
        assertEquals(ApprovalStatus.PROPOSED, standards.propose(ADMIN,
                new StandardService.Proposal("MEDICAL", 150_000L, LocalDate.of(2027, 1, 16), null)).status());
    }

    @Test
    void aBatchOnlyForAPeriodBegunOrBeginningWithinTheHorizon() {
        onFile(6);
        BatchService withDefaultHorizon = new BatchService(db, PortalTime.fixedAt(TODAY));
        withDefaultHorizon.audit = batches.audit;
        ProblemException p = assertThrows(ProblemException.class,
                () -> withDefaultHorizon.generate(DISTRICT, new BatchService.Generate("QUARTER", "2099Q1")));
        assertEquals(422, p.status());
        assertEquals("period_not_begun", p.errors().get(0).code());
        assertEquals("period_not_begun", assertThrows(ProblemException.class,
                () -> withDefaultHorizon.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027"))).errors().get(0).code());
        // 2026 Q3 is due on 15 July, within 60 days of 1 June
        assertEquals("2026Q3", withDefaultHorizon.generate(DISTRICT, new BatchService.Generate("QUARTER", "2026Q3")).period());
    }

    @Test
    void batchesOfAnotherDistrictAreNotFound() {
        onFile(5);
        long batchId = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027")).id();
        assertEquals("batch_not_found", assertThrows(ProblemException.class, () -> batches.get(DISTRICT2, batchId)).code());
        assertEquals("batch_not_found", assertThrows(ProblemException.class, () -> batches.approve(DISTRICT2, batchId)).code());
        assertEquals("batch_not_approved", assertThrows(ProblemException.class,
                () -> batches.channelFile(DISTRICT, batchId, org.unionportal.hardshipaid.internal.rules.Channel.BANK, "csv")).code());
        ProblemException maker = assertThrows(ProblemException.class, () -> batches.approve(DISTRICT, batchId));
        assertEquals(403, maker.status());
        assertEquals("second_person_needed", maker.code(), "the generator may not approve its own batch");
        assertTrue(maker.message().zh().contains("另一位") && maker.message().en().contains("someone else"), maker.message()::toString);
        batches.approve(ADMIN, batchId);
        Download bank = batches.channelFile(DISTRICT, batchId, org.unionportal.hardshipaid.internal.rules.Channel.BANK, "csv");
        assertTrue(bank.personal());
        assertEquals("hardship-batch-" + batchId + "-bank.csv", bank.fileName());
    }

    @Test
    void withoutTheSecondPersonRuleTheGeneratorApproves() {
        onFile(5);
        batches.secondPerson("off");
        long batchId = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027")).id();
        assertEquals(org.unionportal.hardshipaid.internal.rules.BatchStatus.APPROVED, batches.approve(DISTRICT, batchId).status());
    }

    @Test
    void theBanksReturnFileIsPreviewedThenRecordedAndPeopleAppearByName() throws java.io.IOException {
        Detail returned = onFile(7);
        onFile(8);
        batches.users = username -> Optional.of(new PortalUser(9, username, username.equals("district") ? "王芳" : "钱敏", 1, "/1/",
                Set.of(Role.PLATFORM_ADMIN)));
        assertEquals(java.util.Map.of("secondPersonRequired", true), batches.rules());
        var batch = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027"));
        assertEquals("王芳", batch.createdByName(), "the maker by name, not login name");
        assertTrue(batch.secondPersonRequired());
        long batchId = batch.id();
        assertEquals("batch_not_approved", assertThrows(ProblemException.class, () -> batches.resultFile(DISTRICT, batchId,
                new java.io.ByteArrayInputStream(new byte[0]), "回盘.csv", false, org.unionportal.api.i18n.Language.ZH)).code());
        assertEquals("钱敏", batches.approve(CHECKER, batchId).approvedByName());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        batches.channelFile(DISTRICT, batchId, org.unionportal.hardshipaid.internal.rules.Channel.BANK, "csv").writeTo(out);
        StringBuilder answer = new StringBuilder();
        StringBuilder wrong = new StringBuilder();
        for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            String added = line.startsWith("序号") ? ",结果,失败原因" : line.contains(returned.household().headName()) ? ",失败,账户已销户" : ",成功,";
            answer.append(line).append(added).append('\n');
            wrong.append(line.replace(",200.00,", ",201.00,")).append(added).append('\n');
        }
        var zh = org.unionportal.api.i18n.Language.ZH;
        java.util.Map<String, Object> problems = batches.resultFile(DISTRICT, batchId, bytes(wrong), "回盘.csv", false, zh);
        assertFalse(((List<?>) problems.get("problems")).isEmpty(), problems::toString);
        assertEquals(422, assertThrows(ProblemException.class,
                () -> batches.resultFile(DISTRICT, batchId, bytes(wrong), "回盘.csv", true, zh)).status());
        java.util.Map<String, Object> preview = batches.resultFile(DISTRICT, batchId, bytes(answer), "回盘.csv", false, zh);
        assertEquals(List.of(), preview.get("problems"), preview::toString);
        assertEquals(1, preview.get("failedCount"));
        assertEquals(1, preview.get("paidCount"));
        assertEquals(org.unionportal.hardshipaid.internal.rules.BatchStatus.APPROVED, batches.get(DISTRICT, batchId).status(),
                "a preview changes nothing");
        java.util.Map<String, Object> recorded = batches.resultFile(DISTRICT, batchId, bytes(answer), "回盘.csv", true, zh);
        var closed = (org.unionportal.hardshipaid.internal.store.BatchStore.Batch) recorded.get("batch");
        assertEquals(org.unionportal.hardshipaid.internal.rules.BatchStatus.CLOSED, closed.status());
        for (var line : closed.lines()) {
            boolean ours = line.householdId() == returned.household().id();
            assertEquals(ours ? "FAILED" : "PAID", line.status().code(), line::toString);
            assertEquals(ours ? "账户已销户" : null, line.failureReason());
        }
        // the household whose transfer was returned, and only it, is texted once, in Chinese, without its account
        assertEquals(1, outbox.queued.size(), outbox.queued::toString);
        org.unionportal.api.notification.Notification text = outbox.queued.get(0);
        assertEquals("hardship-aid", text.module());
        assertEquals("TRANSFER_FAILED", text.kind());
        assertEquals(org.unionportal.api.notification.Recipient.phone("13900001111"), text.recipient());
        assertEquals(org.unionportal.api.i18n.Language.ZH, text.language());
        assertEquals("/1/2/8/", text.orgPath(), "staff of the household's subtree see it in the outbox");
        String zhText = text.text().zh();
        assertTrue(zhText.contains(returned.household().headName()) && zhText.contains("2027年夏季防暑降温补贴")
                && zhText.contains("200.00 元") && zhText.contains("银行退回原因：账户已销户"), zhText);
        assertFalse(zhText.contains("6222") || zhText.contains("0000007"), () -> "an account number in " + zhText);
        assertThrows(ProblemException.class, () -> batches.result(DISTRICT, batchId, new BatchService.Result(List.of())));
        assertEquals(1, outbox.queued.size(), "a refused second result texts nobody");
    }

    @Test
    void aHouseholdWithAMobileIsTextedOncePerBatchThatReturnedItsTransfer() {
        long texted = onFile(11).household().id();
        HouseholdForm noPhone = form(12);
        noPhone = new HouseholdForm(noPhone.orgId(), noPhone.address(), "0510-82345678", noPhone.causes(), noPhone.hardshipNote(),
                noPhone.requestedLevel(), noPhone.channel(), noPhone.bankName(), noPhone.bankAccount(), noPhone.loveCardNo(),
                noPhone.members());
        long silent = households.file(OPERATOR, noPhone).household().id();
        households.decide(DISTRICT, silent, new HouseholdService.Decision("APPROVE", "SPECIAL", "DISTRICT", null));
        batches.secondPerson("off");
        long batchId = batches.generate(DISTRICT, new BatchService.Generate("SUMMER", "2027")).id();
        batches.approve(DISTRICT, batchId);
        batches.result(DISTRICT, batchId, new BatchService.Result(List.of(
                new BatchService.Failure(lineOf(batchId, texted), "户名与账号 6222 0203 0200 0000 11 不符。"),
                new BatchService.Failure(lineOf(batchId, silent), "账户已冻结"))));
        assertEquals(List.of("TRANSFER_FAILED:batch:" + batchId + ":household:" + texted), outbox.keys(),
                "the household with only a landline is not texted");
        String first = outbox.queued.get(0).text().zh();
        assertTrue(first.contains("银行退回原因：户名与账号不符。") && !first.contains("6222"), first);

        long reissue = batches.reissue(DISTRICT, batchId).id();
        batches.approve(DISTRICT, reissue);
        batches.result(DISTRICT, reissue, new BatchService.Result(List.of(new BatchService.Failure(lineOf(reissue, texted), "账户已销户"))));
        assertEquals(List.of("TRANSFER_FAILED:batch:" + batchId + ":household:" + texted,
                "TRANSFER_FAILED:batch:" + reissue + ":household:" + texted), outbox.keys(), "the reissue's return is told again");
        assertTrue(outbox.queued.get(1).text().zh().contains("2027年夏季防暑降温补贴 200.00 元银行转账未成功，银行退回原因：账户已销户。"),
                outbox.queued.get(1).text()::zh);
    }

    private long lineOf(long batchId, long householdId) {
        return batches.get(DISTRICT, batchId).lines().stream().filter(l -> l.householdId() == householdId).findFirst().orElseThrow().id();
    }

    private static java.io.InputStream bytes(CharSequence text) {
        return new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
