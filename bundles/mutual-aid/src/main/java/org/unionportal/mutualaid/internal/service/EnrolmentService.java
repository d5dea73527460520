package org.unionportal.mutualaid.internal.service;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.identity.Phones;
import org.unionportal.api.member.BulkRegistration;
import org.unionportal.api.member.Member;
import org.unionportal.api.member.MemberCategory;
import org.unionportal.api.member.MemberDraft;
import org.unionportal.api.member.MemberRegistry;
import org.unionportal.api.member.OtherUnionException;
import org.unionportal.api.money.Money;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.mutualaid.internal.MutualAid;
import org.unionportal.mutualaid.internal.roster.ParsedRoster;
import org.unionportal.mutualaid.internal.roster.RosterChecks;
import org.unionportal.mutualaid.internal.roster.RosterReader;
import org.unionportal.mutualaid.internal.roster.RosterRow;
import org.unionportal.mutualaid.internal.roster.RowProblem;
import org.unionportal.mutualaid.internal.rules.Gender;
import org.unionportal.mutualaid.internal.rules.Person;
import org.unionportal.mutualaid.internal.rules.WorkerCategory;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;
import org.unionportal.mutualaid.internal.store.RosterUploadStore;

/**
 * Group enrolment (团体参保): a grassroots union's operator uploads a roster, sees every row's problems, and
 * confirms; only then are members and enrolments written, all in one transaction. Staff see the enrolments and
 * group enrolments of their subtree; another subtree's answer 404. Every decision is in the audit trail: a
 * confirmed roster or a renewal (the group enrolment, and each insured person whose own fields it changed), the
 * fee received, a cancellation.
 */
@Component(service = EnrolmentService.class)
public class EnrolmentService {
    /** At most this many problems are listed in one answer; all are counted. */
    public static final int MAX_LISTED_PROBLEMS = 2000;
    /** The export's column headers (Chinese: the files go to Chinese offices). */
    public static final List<String> EXPORT_HEADERS = List.of("参保编号", "姓名", "身份证号", "手机号", "项目代码", "项目", "保障开始",
            "保障结束", "费用(元)", "续保", "状态");
    private static final int MAX_EXPORT_ROWS = 500_000;
    /** Well under the pool's ten connections, so that other requests always find one. */
    static final int BULK_WRITES_AT_ONCE = 2;
    /** A confirmed roster is written this many rows at a time (see {@link #enrol}). */
    static final int WRITE_CHUNK = 5000;
    /** {@link #WRITE_CHUNK}; tests write smaller rosters in several chunks. */
    int writeChunk = WRITE_CHUNK;
    static final String BATCH = "enrolment-batch";
    static final String INSURED_PERSON = "insured-person";
    private final Semaphore bulkWrites = new Semaphore(BULK_WRITES_AT_ONCE);
    private static final String PENDING_PAYMENT = "PENDING_PAYMENT";

    private final PortalDatabase db;
    private final PortalTime time;
    @Reference
    OrganisationDirectory organisations;
    @Reference
    MemberRegistry registry;
    /** Every decision is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;

    @Activate
    public EnrolmentService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db) {
        this(db, PortalTime.SYSTEM);
    }

    EnrolmentService(PortalDatabase db, PortalTime time) {
        this.db = db;
        this.time = time;
    }

    /** A roster checked, kept for the confirm, and answered as a preview in the caller's language. */
    public Map<String, Object> upload(Long planId, String fileName, byte[] content, PortalUser user, Language language) {
        requireUploadParameters(planId, fileName);
        Plan plan = openPlan(planId);
        OrganisationInfo org = organisations.byId(user.orgId())
                .orElseThrow(() -> ProblemException.forbidden("org_not_in_tree", Text.of("您的单位不在工会组织树中。",
                        "Your organisation is not in the union tree.")));
        Preview preview = preview(plan, content, fileName, org.id());
        long uploadId = db.inTransaction(c -> RosterUploadStore.insert(c, plan.id(), org, fileName.strip(), content,
                preview.rows().size(), preview.problems().size(), user.username()));
        return previewView(uploadId, plan, preview, language);
    }

    /** 400 unless an upload names its plan and its file (checked before the body is read). */
    public static void requireUploadParameters(Long planId, String fileName) {
        if (planId == null || fileName == null || fileName.isBlank()) {
            throw ProblemException.badRequest("roster_parameters_missing", Text.of(
                    "请把名单文件作为请求体发送，并带上 ?planId=<项目>&fileName=<文件名.csv 或 .xlsx>。",
                    "Send the roster as the request body with ?planId=<plan>&fileName=<name.csv or name.xlsx>."));
        }
    }

    /**
     * Writes the previewed roster: checked again, so that nothing enrolled meanwhile is enrolled twice. The union is
     * looked up before the transaction: a request never asks the pool for a second connection while it holds one
     * (ten confirmations waiting on one row lock would otherwise hold every connection and freeze the portal).
     */
    public Map<String, Object> confirm(long uploadId, PortalUser user) {
        DataScope scope = DataScope.of(user);
        long orgId = db.read(c -> RosterUploadStore.orgOf(c, uploadId, scope)).orElseThrow(() -> uploadNotFound(uploadId));
        OrganisationInfo org = organisations.byId(orgId).orElseThrow(() -> uploadNotFound(uploadId));
        return oneOfFewBulkWrites(() -> db.inTransaction(c -> {
            RosterUploadStore.Upload upload = RosterUploadStore.byId(c, uploadId, scope).orElseThrow(() -> uploadNotFound(uploadId));
            if (!RosterUploadStore.PREVIEWED.equals(upload.status()) || !RosterUploadStore.confirm(c, uploadId)) {
                throw ProblemException.conflict("roster_upload_done", Text.of("名单上传 " + uploadId + " 已经确认过；如需再次参保，请重新上传文件。",
                        "Roster upload " + uploadId + " was confirmed already; upload the file again for a new enrolment."));
            }
            Plan plan = PlanStore.byId(c, upload.planId()).orElseThrow();
            String fileName = upload.fileName();
            ParsedRoster parsed = parse(upload);
            upload = null;   // the file's bytes are not kept while the rows are written
            Preview preview = checkAgain(c, plan, parsed, org.id());
            EnrolmentStore.Enrolled enrolled = enrol(c, plan, org, parsed, user, "CREATE",
                    AuditFields.of("uploadId", uploadId, "fileName", fileName));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("batchId", enrolled.batchId());
            view.put("planId", plan.id());
            view.put("persons", preview.rows().size());
            view.put("feeTotalFen", Math.multiplyExact(plan.feePerPersonFen(), (long) preview.rows().size()));
            view.put("coverStart", plan.coverFrom().toString());
            view.put("coverEnd", plan.coverEnd(plan.coverFrom()).toString());
            view.put("status", plan.feePerPersonFen() == 0 ? "ACTIVE" : PENDING_PAYMENT);
            return view;
        }));
    }

    private static ParsedRoster parse(RosterUploadStore.Upload upload) {
        return RosterReader.read(new ByteArrayInputStream(upload.content()), upload.fileName());
    }

    /**
     * At most {@link #BULK_WRITES_AT_ONCE} roster confirmations or renewals run at once on this node; one more is
     * refused at once (409) instead of holding a pooled connection while it waits for a row lock. Ten confirmations
     * of one roster would otherwise take every connection of the pool (ten) and freeze every other request.
     */
    private <T> T oneOfFewBulkWrites(Supplier<T> write) {
        if (!bulkWrites.tryAcquire()) {
            throw ProblemException.conflict("roster_write_busy", Text.of(
                    "其他名单正在确认或续保，请稍等片刻再试。",
                    "Other rosters are being confirmed or renewed; try again in a moment."));
        }
        try {
            return write.get();
        } finally {
            bulkWrites.release();
        }
    }

    static ProblemException uploadNotFound(long uploadId) {
        return ProblemException.notFound("roster_upload_not_found", Text.of(
                "没有找到本工会的名单上传 " + uploadId + "。", "No roster upload " + uploadId + " of your union."));
    }

    /** Last period's roster again, for the plan's current period: one step, checked like any roster. */
    public Map<String, Object> renew(long id, PortalUser user) {
        DataScope scope = DataScope.of(user);
        // the union before the transaction: no second pooled connection while one is held
        long orgId = db.read(c -> EnrolmentStore.batch(c, id, scope)).orElseThrow(() -> batchNotFound(id)).orgId();
        OrganisationInfo org = organisations.byId(orgId).orElseThrow(() -> batchNotFound(id));
        return oneOfFewBulkWrites(() -> db.inTransaction(c -> {
            EnrolmentStore.Batch old = EnrolmentStore.batch(c, id, scope).orElseThrow(() -> batchNotFound(id));
            Plan plan = PlanStore.currentByCode(c, old.planCode()).orElseThrow();
            requireOpen(plan);
            if (!plan.coverFrom().isAfter(old.coverStart())) {
                throw ProblemException.conflict("nothing_to_renew", Text.of("项目 " + plan.nameZh() + " 的当前版本与团体参保 " + id
                        + " 保障期相同，暂无可续保的期间。", "The current version of " + plan.nameEn()
                        + " covers the same period as group enrolment " + id + "; there is nothing to renew yet."));
            }
            List<RosterRow> rows = EnrolmentStore.rosterOfBatch(c, id);
            // people transferred to another union since are refused like any roster row of theirs
            ParsedRoster parsed = new ParsedRoster(rows, List.of());
            checkAgain(c, plan, parsed, org.id());
            EnrolmentStore.Enrolled enrolled = enrol(c, plan, org, parsed, user, "RENEW", AuditFields.of("renewedBatchId", id));
            return Map.<String, Object>of("batchId", enrolled.batchId(), "planId", plan.id(), "persons", rows.size(),
                    "feeTotalFen", Math.multiplyExact(plan.feePerPersonFen(), (long) rows.size()),
                    "coverStart", plan.coverFrom().toString());
        }));
    }

    /**
     * A roster checked again inside the confirming transaction; 422 with every problem. The register is asked about
     * other unions' people only when the roster has problems anyway (so that such a row is refused as another union's
     * and nothing else tells of the other record): on the usual way the register refuses them itself when the rows
     * are registered ({@link #enrol}), and a pass over the whole register is saved.
     */
    private Preview checkAgain(Connection c, Plan plan, ParsedRoster parsed, long orgId) throws SQLException {
        Set<String> enrolled = EnrolmentStore.enrolledIdNumbers(c, plan.code(), plan.coverFrom());
        Preview preview = check(plan, parsed, enrolled, Set.of(), time.today());
        if (!preview.problems().isEmpty()) {
            throw new RosterProblems(check(plan, parsed, enrolled, registry.ofOtherUnions(c, idNumbers(parsed.rows()), orgId),
                    time.today()).problems());
        }
        return preview;
    }

    /**
     * The roster's people into the register and the module, audited: the batch (who, when, which roster, how many,
     * the file), and each insured person it changed; the register adds one entry for the people new to it and one for
     * each member it changed. Written {@value #WRITE_CHUNK} rows at a time (register, insured persons, enrolments), so
     * that a 100,000-row roster's drafts and members are never all held at once. Rows of another union's members are
     * refused by the register before anything is written; they are answered as the roster's problems, as
     * {@link #checkAgain} would have listed them.
     */
    private EnrolmentStore.Enrolled enrol(Connection c, Plan plan, OrganisationInfo org, ParsedRoster parsed, PortalUser user,
                                          String action, Map<String, Object> source) throws SQLException {
        List<RosterRow> rows = parsed.rows();
        List<String> idNumbers = rows.stream().map(RosterRow::idNumber).toList();
        EnrolmentStore.RosterWriter writer = EnrolmentStore.RosterWriter.open(c, plan, plan.coverFrom(), org, idNumbers,
                user.username());
        EnrolmentStore.Enrolled enrolled;
        try {
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("module", MutualAid.MODULE);
            registration.put("batchId", writer.batchId());
            registration.put("planCode", plan.code());
            registration.putAll(source);
            BulkRegistration register = registry.registerInBulk(c, idNumbers, org.id(), user.username(), registration);
            for (int from = 0; from < rows.size(); from += writeChunk) {
                List<RosterRow> chunk = rows.subList(from, Math.min(rows.size(), from + writeChunk));
                writer.write(chunk, register.register(drafts(chunk)));
            }
            register.finish();
            enrolled = writer.finish();
        } catch (OtherUnionException e) {
            List<RowProblem> problems = check(plan, parsed, EnrolmentStore.enrolledIdNumbers(c, plan.code(), plan.coverFrom()),
                    Set.copyOf(e.idNumbers()), time.today()).problems();
            throw problems.isEmpty() ? e : new RosterProblems(problems);
        }
        EnrolmentStore.Batch batch = EnrolmentStore.batch(c, enrolled.batchId(), DataScope.subtree(org.path())).orElseThrow();
        Map<String, Object> after = batchFields(batch);
        after.putAll(source);
        after.put("newPersons", enrolled.newPersons());
        audit.record(c, AuditEntry.of(MutualAid.MODULE, BATCH, batch.id(), action, batch.orgPath(), Actor.of(user))
                .changes(Map.of(), after));
        List<AuditEntry> changes = new ArrayList<>(enrolled.changed().size());
        for (EnrolmentStore.InsuredChange change : enrolled.changed()) {
            changes.add(AuditEntry.of(MutualAid.MODULE, INSURED_PERSON, change.insuredId(), "UPDATE", change.orgPath(),
                    Actor.of(user)).changes(change.before(), withBatch(change.after(), batch.id())));
        }
        audit.recordAll(c, changes);
        return enrolled;
    }

    private static Map<String, Object> withBatch(Map<String, Object> fields, long batchId) {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        out.put("byBatchId", batchId);
        return out;
    }

    /** What the audit trail keeps of a group enrolment. */
    static Map<String, Object> batchFields(EnrolmentStore.Batch b) {
        return AuditFields.of("planCode", b.planCode(), "planId", b.planId(), "coverStart", b.coverStart().toString(),
                "coverEnd", b.coverEnd().toString(), "persons", b.personCount(), "feeTotalFen", b.feeTotalFen(), "status", b.status());
    }

    /** A page of the enrolments of the user's subtree (or of one batch), ID numbers and phones masked. */
    public Map<String, Object> page(Long batchId, Integer page, Integer size, PortalUser user) {
        requireStaff(user);
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        DataScope scope = DataScope.of(user);
        LocalDate today = time.today();
        return db.read(c -> Map.of(
                "total", EnrolmentStore.count(c, scope, batchId),
                "items", EnrolmentStore.list(c, scope, batchId, offset, limit, today).stream().map(EnrolmentService::masked).toList()));
    }

    /** The enrolments of the user's subtree (or of one batch) as rows of the export; ID numbers and phones masked. */
    public List<List<Object>> exportRows(Long batchId, PortalUser user) {
        requireStaff(user);
        LocalDate today = time.today();
        return db.read(c -> EnrolmentStore.list(c, DataScope.of(user), batchId, 0, MAX_EXPORT_ROWS, today)).stream()
                .map(e -> List.<Object>of(e.id(), e.memberName(), ExportPurpose.LIST.idNumber(e.idNumber()),
                        ExportPurpose.LIST.phone(e.phone()), e.planCode(), e.planNameZh(), e.coverStart().toString(),
                        e.coverEnd().toString(), Money.yuan(e.feeFen()), e.renewal() ? "是" : "否", statusLabel(e.status()).zh()))
                .toList();
    }

    public List<EnrolmentStore.Batch> batches(PortalUser user) {
        requireStaff(user);
        LocalDate today = time.today();
        return db.read(c -> EnrolmentStore.batches(c, DataScope.of(user), today));
    }

    /** A member's own cover (我的保障): the insured person's id and their enrolments, masked. */
    public record Cover(long insuredId, List<Map<String, Object>> enrolments) {
    }

    /** The cover of the signed-in account's member (the register links accounts); empty when the person is not insured. */
    public Optional<Cover> coverOf(PortalUser user) {
        Optional<Member> member = registry.ofUser(user.id());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = time.today();
        return db.read(c -> {
            Optional<Long> insuredId = EnrolmentStore.insuredIdOf(c, member.get().id());
            if (insuredId.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Cover(insuredId.get(), EnrolmentStore.ofMember(c, insuredId.get(), today).stream()
                    .map(EnrolmentService::masked).toList()));
        });
    }

    /** The fee of a group enrolment was received: its cover becomes active. */
    public EnrolmentStore.Batch paid(long id, PortalUser user) {
        return changeBatch(id, PENDING_PAYMENT, "ACTIVE", "PAYMENT_RECEIVED", user);
    }

    /** A group enrolment not paid yet is withdrawn, with all its enrolments. */
    public EnrolmentStore.Batch cancel(long id, PortalUser user) {
        return changeBatch(id, PENDING_PAYMENT, "CANCELLED", "CANCEL", user);
    }

    private EnrolmentStore.Batch changeBatch(long id, String from, String to, String action, PortalUser user) {
        DataScope scope = DataScope.of(user);
        return db.inTransaction(c -> {
            EnrolmentStore.Batch batch = EnrolmentStore.batch(c, id, scope).orElseThrow(() -> batchNotFound(id));
            // as the list shows it: an unpaid group whose cover has ended is EXPIRED, no longer to pay or cancel
            if (!from.equals(EnrolmentStore.asOf(batch, time.today()).status()) || !EnrolmentStore.setBatchStatus(c, id, from, to)) {
                Text now = statusLabel(EnrolmentStore.asOf(batch, time.today()).status());
                throw ProblemException.conflict("batch_status", Text.of("团体参保 " + id + " 当前为“" + now.zh() + "”，不是“"
                        + statusLabel(from).zh() + "”。", "Group enrolment " + id + " is " + now.en() + ", not "
                        + statusLabel(from).en() + "."));
            }
            EnrolmentStore.Batch changed = EnrolmentStore.batch(c, id, scope).orElseThrow();
            audit.record(c, AuditEntry.of(MutualAid.MODULE, BATCH, id, action, batch.orgPath(), Actor.of(user))
                    .changes(batchFields(batch), batchFields(changed)));
            return changed;
        });
    }

    static ProblemException batchNotFound(long id) {
        return ProblemException.notFound("batch_not_found", Text.of("您的管辖范围内没有团体参保 " + id + "。",
                "No group enrolment " + id + " in your part of the union tree."));
    }

    static void requireStaff(PortalUser user) {
        if (!user.hasAnyRole(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("staff_only", Text.of("参保名单仅供工会工作人员查看；会员请在“我的保障”中查看。",
                    "Enrolment lists are for union staff; members see their cover under 'My cover'."));
        }
    }

    /** The label of an enrolment status (stored as text). */
    public static Text statusLabel(String status) {
        return switch (status) {
            case PENDING_PAYMENT -> Text.of("待缴费", "awaiting payment");
            case "CANCELLED" -> Text.of("已取消", "cancelled");
            case "ACTIVE" -> Text.of("保障中", "active");
            case "EXPIRED" -> Text.of("已到期", "expired");
            default -> Text.of(status, status);
        };
    }

    /** An enrolment for lists and 我的保障: ID number and phone masked. */
    public static Map<String, Object> masked(EnrolmentStore.EnrolmentView e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("batchId", e.batchId());
        view.put("planId", e.planId());
        view.put("planCode", e.planCode());
        view.put("planNameZh", e.planNameZh());
        view.put("planNameEn", e.planNameEn());
        view.put("memberId", e.memberId());
        view.put("memberName", e.memberName());
        view.put("idNumber", Masking.idNumber(e.idNumber()));
        view.put("phone", Masking.phone(e.phone()));
        view.put("coverStart", e.coverStart().toString());
        view.put("coverEnd", e.coverEnd().toString());
        view.put("feeFen", e.feeFen());
        view.put("renewal", e.renewal());
        view.put("status", e.status());
        view.put("paid", e.paid());
        return view;
    }

    // --- roster checks -----------------------------------------------------------------------

    record Preview(List<RosterRow> rows, List<RowProblem> problems) {
    }

    private Plan openPlan(long planId) {
        Plan plan = db.read(c -> PlanStore.byId(c, planId)).orElseThrow(() -> ProblemException.notFound("plan_not_found",
                Text.of("没有项目 " + planId + "。", "No plan " + planId + ".")));
        if (!plan.current()) {
            throw ProblemException.conflict("plan_old_version", Text.of("项目 " + planId + " 是旧版本，请参加 " + plan.code()
                    + " 的当前版本。", "Plan " + planId + " is an old version; enrol in the current version of " + plan.code() + "."));
        }
        requireOpen(plan);
        return plan;
    }

    private void requireOpen(Plan plan) {
        if (!plan.enrolmentOpen(time.today())) {
            throw ProblemException.conflict("enrolment_closed", Text.of(plan.nameZh() + " 只在 " + plan.enrolFrom() + " 至 "
                    + plan.enrolUntil() + " 期间接受参保。", "Enrolment in " + plan.nameEn() + " is open from " + plan.enrolFrom()
                    + " to " + plan.enrolUntil() + " only."));
        }
    }

    /**
     * The rows' problems before anything is written. Members of another union are found through the register
     * (in its own read, before this module's): their rows are refused without a word about the other record.
     */
    private Preview preview(Plan plan, byte[] content, String fileName, long orgId) {
        ParsedRoster parsed = RosterReader.read(new ByteArrayInputStream(content), fileName);
        Set<String> otherUnions = registry.ofOtherUnions(idNumbers(parsed.rows()), orgId);
        Set<String> enrolled = db.read(c -> EnrolmentStore.enrolledIdNumbers(c, plan.code(), plan.coverFrom()));
        return check(plan, parsed, enrolled, otherUnions, time.today());
    }

    /** Every problem of a roster for a plan: the file's, the rows' fields, duplicates, enrolled, other unions, eligibility. */
    static Preview check(Plan plan, ParsedRoster parsed, Set<String> enrolled, Set<String> otherUnions, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.problems().stream().noneMatch(RowProblem::fileLevel)) {
            // Someone already enrolled by another union is refused as a member of another union, not as enrolled.
            problems.addAll(RosterChecks.check(parsed.rows(), today, enrolled, otherUnions,
                    row -> plan.rules().eligibility().reasonsNotEligible(person(row))));
        }
        if (parsed.rows().isEmpty() && problems.isEmpty()) {
            problems.add(RowProblem.of(1, RowProblem.FILE, "no_rows", "名单中没有任何人员", "The roster has no rows"));
        }
        problems.sort(Comparator.comparingInt(RowProblem::line));
        return new Preview(parsed.rows(), problems);
    }

    /**
     * The facts eligibility looks at, from a row that may have problems of its own: a gender or category not
     * recognised is not recorded (eligibility names it only where the plan depends on it), and a yes/no that could
     * not be read is not held against the row twice (the row's field check reports it already).
     */
    static Person person(RosterRow row) {
        String sex = "M".equals(row.gender()) || "F".equals(row.gender()) ? row.gender()
                : row.idNumber() != null && IdNumbers.problem(row.idNumber()).isEmpty() ? IdNumbers.gender(row.idNumber()) : null;
        Gender gender = sex == null ? null : "F".equals(sex) ? Gender.FEMALE : Gender.MALE;
        WorkerCategory category = WorkerCategory.parse(row.category()).orElse(null);
        return new Person(gender, category, true, !Boolean.FALSE.equals(row.basicInsurance()), !Boolean.FALSE.equals(row.unionMember()));
    }

    /** The ID numbers of the rows that have one (checked or not: the register answers only for its own). */
    static List<String> idNumbers(List<RosterRow> rows) {
        return rows.stream().map(RosterRow::idNumber).filter(Objects::nonNull).distinct().toList();
    }

    /** The roster's people as the register takes them: name, phone and the category of the row. */
    public static List<MemberDraft> drafts(List<RosterRow> rows) {
        return rows.stream().map(r -> MemberDraft.of(r.idNumber(), r.name(), Phones.normalize(r.phone()),
                WorkerCategory.parse(r.category()).map(EnrolmentService::memberCategory).orElse(null))).toList();
    }

    public static MemberCategory memberCategory(WorkerCategory category) {
        return switch (category) {
            case EMPLOYEE -> MemberCategory.EMPLOYEE;
            case DISPATCHED -> MemberCategory.DISPATCHED;
            case GIG_WORKER -> MemberCategory.GIG_WORKER;
            case MODEL_WORKER -> MemberCategory.MODEL_WORKER;
        };
    }

    /** The preview in the caller's language: counts, fees, and the problems with the row's name where known. */
    private static Map<String, Object> previewView(long uploadId, Plan plan, Preview preview, Language language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uploadId", uploadId);
        view.put("planId", plan.id());
        view.put("planNameZh", plan.nameZh());
        view.put("rows", preview.rows().size());
        view.put("problemCount", preview.problems().size());
        Map<Integer, String> names = new HashMap<>();
        preview.rows().forEach(r -> names.put(r.line(), r.name()));
        view.put("problems", preview.problems().stream().limit(MAX_LISTED_PROBLEMS)
                .map(p -> p.view(language, names.get(p.line()))).toList());
        view.put("feePerPersonFen", plan.feePerPersonFen());
        view.put("feeTotalFen", plan.feePerPersonFen() * preview.rows().size());
        view.put("coverStart", plan.coverFrom().toString());
        view.put("coverEnd", plan.coverEnd(plan.coverFrom()).toString());
        view.put("canConfirm", preview.problems().isEmpty());
        return view;
    }

    /** 422 listing the rows' problems, so the operator can fix the file. */
    static final class RosterProblems extends ProblemException {
        private static final long serialVersionUID = 1L;

        RosterProblems(List<RowProblem> problems) {
            super(422, "roster_has_problems", Text.of("名单中有 " + problems.size() + " 处问题，请按“errors”所列各行修改后重新上传。",
                    problems.size() + " problem(s) in the roster; fix the rows listed in 'errors' and upload again."),
                    problems.stream().limit(MAX_LISTED_PROBLEMS).map(RowProblem::toFieldError).toList());
        }
    }
}
