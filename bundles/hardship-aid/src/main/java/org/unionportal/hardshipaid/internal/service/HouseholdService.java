package org.unionportal.hardshipaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.security.UserDirectory;
import org.unionportal.api.attachment.Attachment;
import org.unionportal.api.attachment.AttachmentContent;
import org.unionportal.api.attachment.AttachmentOwner;
import org.unionportal.api.attachment.Attachments;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.export.Download;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.export.TableFormat;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.scope.Where;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.FileLevel;
import org.unionportal.hardshipaid.internal.rules.FormCheck;
import org.unionportal.hardshipaid.internal.rules.HistoryStep;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.rules.Relation;
import org.unionportal.hardshipaid.internal.store.DocumentStore;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Detail;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Summary;

/**
 * The household registry (建档): applications, review, yearly re-checks, leaving the file, documents. Each write is
 * one transaction, recorded in the portal's audit trail; a household outside the caller's subtree is answered as one
 * that does not exist, before anything sent is looked at. Documents are kept by the portal's attachments; the ones this
 * module kept itself are served from its old table until {@link DocumentHandover} has moved them.
 */
@Component(service = HouseholdService.class)
public class HouseholdService {
    static final int RECHECK_NOTICE_DAYS = 30;
    static final int MAX_NOTE = 400;

    private final PortalDatabase db;
    private final OrganisationDirectory orgs;
    private final PortalTime time;
    /** Every decision is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;
    /** Where the household's documents are kept (set by DS; tests set a fake). */
    @Reference
    Attachments attachments;

    public record Filter(String status, String level, String q, boolean due) {
    }

    public record Page(long total, List<Summary> items) {
    }

    public record Decision(String action, String level, String fileLevel, String note) {
    }

    public record Recheck(String level, String note) {
    }

    public record Leave(String reason, LocalDate date) {
    }

    /** People's names for the pages, from the core (optional: tests show login names). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;

    @Activate
    public HouseholdService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db,
            @Reference OrganisationDirectory orgs) {
        this(db, orgs, PortalTime.SYSTEM);
    }

    HouseholdService(PortalDatabase db, OrganisationDirectory orgs, PortalTime time) {
        this.db = db;
        this.orgs = orgs;
        this.time = time;
    }

    // --- reading -----------------------------------------------------------------------------------

    public Page list(PortalUser user, Filter filter, Integer page, Integer size) {
        Map<Long, String> names = orgNames(user);
        int pageSize = Paging.size(size);
        Where where = where(DataScope.of(user), filter);
        return db.read(c -> new Page(HouseholdStore.count(c, where), HouseholdStore.page(c, where, Paging.offset(page, pageSize), pageSize)
                .stream().map(s -> HouseholdStore.withOrgName(s, names.get(s.orgId()))).toList()));
    }

    private Where where(DataScope scope, Filter f) {
        Where w = scope.where("H.ORG_PATH").andIfPresent("H.STATUS = ?", Problems.blankToNull(f.status()))
                .andIfPresent("H.LEVEL = ?", Problems.blankToNull(f.level()));
        String q = Problems.blankToNull(f.q());
        if (q != null) {
            w.and("H.HEAD_NAME LIKE ? OR H.CERTIFICATE_NO = ?", "%" + q.replace("%", "").replace("_", "") + "%", q);
        }
        if (f.due()) {
            w.and("H.STATUS = ?", HouseholdStatus.ON_FILE.code()).and("H.NEXT_REVIEW_DATE <= ?", time.today().plusDays(RECHECK_NOTICE_DAYS));
        }
        return w;
    }

    /** The households of the caller's subtree as a file; ID numbers masked (a list to read, not to pay from). */
    public Download export(PortalUser user, String format, String status, String level) {
        TableFormat tableFormat = TableFormat.parse(format);
        Map<Long, String> names = orgNames(user);
        Where where = where(DataScope.of(user), new Filter(status, level, null, false));
        ExportPurpose purpose = ExportPurpose.LIST;
        List<List<Object>> rows = new ArrayList<>();
        for (Summary s : db.read(c -> HouseholdStore.all(c, where))) {
            List<Object> row = new ArrayList<>();
            row.add(s.id());
            row.add(names.getOrDefault(s.orgId(), ""));
            row.add(s.headName());
            row.add(purpose.idNumber(s.headIdNumber()));
            row.add(s.level() == null ? "" : s.level().label().zh());
            row.add(s.fileLevel() == null ? "" : s.fileLevel().label().zh());
            row.add(s.status().label().zh());
            row.add(s.certificateNo() == null ? "" : s.certificateNo());
            row.add(s.memberCount());
            row.add(s.onFileFrom());
            row.add(s.nextReviewDate());
            row.add(s.leftOn());
            rows.add(row);
        }
        return Download.table(tableFormat, "hardship-households", List.of("编号", "工会", "户主", "身份证号", "困难等级", "建档层级", "状态",
                "优惠证号", "家庭人口", "建档日期", "下次复核", "出档日期"), rows, true);
    }

    public Detail get(PortalUser user, long id) {
        return detail(id, user);
    }

    /** Households newest first, for the shell (which sees the whole city): ID numbers masked. */
    public List<Summary> latest(DataScope scope, HouseholdStatus status, int limit) {
        return db.read(c -> HouseholdStore.latest(c, scope, status, limit));
    }

    // --- writing -----------------------------------------------------------------------------------

    public Detail file(PortalUser user, HouseholdForm form) {
        FormCheck.check(form, time.today());
        OrganisationInfo org = organisation(form.orgId(), user);
        long id = db.inTransaction(c -> {
            refuseOpenDuplicate(c, form, 0);
            long newId = HouseholdStore.insert(c, form, org, user.username());
            HouseholdStore.history(c, newId, user.username(), HistoryStep.filed(Level.valueOf(form.requestedLevel())));
            audit.record(c, Audit.entry("household", newId, "CREATE", org.path(), user).changes(Map.of(),
                    Audit.of(HouseholdStore.find(c, newId).orElseThrow())));
            return newId;
        });
        return detail(id, user);
    }

    public Detail update(PortalUser user, long id, HouseholdForm form) {
        requireVisible(user, id);
        FormCheck.check(form, time.today());
        OrganisationInfo org = organisation(form.orgId(), user);
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = visible(c, id, DataScope.of(user));
            if (!s.status().editableBy(Staff.fullAccess(user))) {
                throw s.status() == HouseholdStatus.ON_FILE
                        ? Problems.wrongState("household_not_editable", "在档家庭由区级或市级工会修改",
                                "A household on file is changed by district or city staff", s.status())
                        : Problems.wrongState("household_not_editable", "户 " + id + " 不能修改", "Household " + id + " cannot be changed",
                                s.status());
            }
            refuseOpenDuplicate(c, form, id);
            HouseholdStore.update(c, id, form, org);
            if (s.status() == HouseholdStatus.RETURNED) {
                HouseholdStore.setStatus(c, id, HouseholdStatus.APPLIED);
                HouseholdStore.history(c, id, user.username(), HistoryStep.resubmitted());
            } else {
                HouseholdStore.history(c, id, user.username(), HistoryStep.changed(form.members().size()));
            }
            recordChange(c, user, "UPDATE", s, null, null);
            return null;
        });
        return detail(id, user);
    }

    public Detail decide(PortalUser user, long id, Decision d) {
        requireVisible(user, id);
        Validation v = new Validation();
        String action = d == null ? null : d.action();
        v.require(action != null && List.of("APPROVE", "RETURN", "REJECT").contains(action), "action", "unknown_action",
                Text.of("action 应为 APPROVE（批准建档）、RETURN（退回补正）或 REJECT（不予建档）", "action must be APPROVE, RETURN or REJECT"));
        if ("APPROVE".equals(action)) {
            v.require(FormCheck.parse(Level.class, d.level()) != null, "level", "unknown_level",
                    Text.of("请选择困难等级：HARDSHIP（困难）或 SPECIAL（特困）", "Choose the level: HARDSHIP or SPECIAL"));
            v.require(FormCheck.parse(FileLevel.class, d.fileLevel()) != null, "fileLevel", "unknown_file_level",
                    Text.of("请选择建档层级：DISTRICT（区级）或 CITY（市级）", "Choose where it is filed: DISTRICT or CITY"));
        } else if (action != null) {
            v.require(d.note() != null && !d.note().isBlank() && d.note().length() <= MAX_NOTE, "note", "reason_needed",
                    Text.of("退回或不予建档须写明理由（400 字以内），经办人据此补正", "A reason (at most 400 characters) is needed to return or reject"));
        }
        v.throwIfInvalid();
        if (FileLevel.CITY.code().equals(d.fileLevel()) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("city_files_city_level", Text.of("市级建档由市总工会审批", "Only the city federation files at city level"));
        }
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = visible(c, id, DataScope.of(user));
            if (s.status() != HouseholdStatus.APPLIED) {
                throw Problems.wrongState("household_not_applied", "户 " + id + " 不是待审核的申请，不能审批",
                        "Household " + id + " is not an application awaiting review", s.status());
            }
            switch (action) {
                case "APPROVE" -> approve(c, id, d, user);
                case "RETURN" -> {
                    HouseholdStore.setStatus(c, id, HouseholdStatus.RETURNED);
                    HouseholdStore.history(c, id, user.username(), HistoryStep.returned(d.note()));
                }
                default -> {
                    HouseholdStore.setStatus(c, id, HouseholdStatus.REJECTED);
                    HouseholdStore.history(c, id, user.username(), HistoryStep.rejected(d.note()));
                }
            }
            recordChange(c, user, action, s, "note", Problems.blankToNull(d.note()));
            return null;
        });
        return detail(id, user);
    }

    private void approve(Connection c, long id, Decision d, PortalUser user) throws SQLException {
        LocalDate today = time.today();
        Level level = Level.valueOf(d.level());
        FileLevel fileLevel = FileLevel.valueOf(d.fileLevel());
        if (level == Level.SPECIAL && HouseholdStore.loveCardNo(c, id).isEmpty()) {
            throw ProblemException.invalid(List.of(ProblemException.FieldError.of("level", "love_card_needed",
                    "特困家庭的临时价格补贴发到爱心卡：请先补填爱心卡号", "Special hardship is paid the price subsidy on a love card: add its number first")));
        }
        String certificate = level == Level.SPECIAL ? HouseholdStore.nextCertificateNo(c, today.getYear()) : null;
        HouseholdStore.putOnFile(c, id, level, fileLevel, certificate, today, today.plusYears(1));
        HouseholdStore.history(c, id, user.username(), HistoryStep.approved(level, fileLevel, certificate, false, d.note()));
    }

    public Detail recheck(PortalUser user, long id, Recheck r) {
        requireVisible(user, id);
        Level level = r == null ? null : FormCheck.parse(Level.class, r.level());
        new Validation().require(level != null, "level", "unknown_level",
                        Text.of("复核后的困难等级：HARDSHIP（困难）或 SPECIAL（特困）", "The level after the re-check: HARDSHIP or SPECIAL"))
                .maxLength(r == null ? null : r.note(), "note", MAX_NOTE).throwIfInvalid();
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = visible(c, id, DataScope.of(user));
            if (s.status() != HouseholdStatus.ON_FILE) {
                throw Problems.wrongState("household_not_on_file", "只有在档家庭需要年度复核", "Only households on file are re-checked", s.status());
            }
            LocalDate today = time.today();
            String certificate = s.certificateNo();
            String issued = null;
            String withdrawn = null;
            if (level != s.level()) {
                if (level == Level.SPECIAL && certificate == null) {
                    certificate = HouseholdStore.nextCertificateNo(c, today.getYear());
                    issued = certificate;
                } else if (level == Level.HARDSHIP && certificate != null) {
                    withdrawn = certificate;
                    certificate = null;
                }
            }
            HouseholdStore.recheck(c, id, level, certificate, today.plusYears(1));
            HouseholdStore.history(c, id, user.username(), HistoryStep.rechecked(s.level(), level, issued, withdrawn, today.plusYears(1),
                    r.note()));
            recordChange(c, user, "RECHECK", s, "note", Problems.blankToNull(r.note()));
            return null;
        });
        return detail(id, user);
    }

    public Detail leave(PortalUser user, long id, Leave l) {
        requireVisible(user, id);
        LocalDate today = time.today();
        new Validation()
                .require(l != null && l.reason() != null && !l.reason().isBlank() && l.reason().length() <= MAX_NOTE, "reason", "reason_needed",
                        Text.of("请写明出档原因（如：家庭收入已超过困难标准、已脱困、迁出本市），400 字以内",
                                "Give the reason for leaving the file (at most 400 characters)"))
                .require(l != null && l.date() != null && !l.date().isAfter(today.plusYears(1)), "date", "invalid_date",
                        Text.of("请填写出档日期（最迟一年以后）", "Give the day it leaves the file (at most a year ahead)"))
                .throwIfInvalid();
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = visible(c, id, DataScope.of(user));
            if (s.status() != HouseholdStatus.ON_FILE) {
                throw Problems.wrongState("household_not_on_file", "只有在档家庭可以出档", "Only households on file can leave the file", s.status());
            }
            if (l.date().isBefore(s.onFileFrom())) {
                throw ProblemException.invalid(List.of(ProblemException.FieldError.of("date", "before_filing",
                        "出档日期不能早于建档日期 " + s.onFileFrom(), "The day cannot be before the filing day " + s.onFileFrom())));
            }
            HouseholdStore.leave(c, id, l.date(), l.reason().strip());
            HouseholdStore.history(c, id, user.username(), HistoryStep.left(l.date(), l.reason()));
            recordChange(c, user, "LEAVE", s, "reason", l.reason().strip());
            return null;
        });
        return detail(id, user);
    }

    // --- documents (the portal's attachments) ----------------------------------------------------------

    /** The attachment owner of a household's documents. */
    public static AttachmentOwner documentsOf(long householdId) {
        return AttachmentOwner.of(Audit.MODULE, "household", householdId);
    }

    /**
     * The household's documents, oldest first: its attachments, then the documents of the old table not yet handed over,
     * with their old id negated (so that they can never be taken for an attachment's id).
     */
    static List<Map<String, Object>> documents(Connection c, Attachments attachments, long householdId) throws SQLException {
        // the old rows first: should a handover commit in between, a document shows twice for a moment, never not at all
        List<DocumentStore.Old> old = DocumentStore.notHandedOver(c, householdId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Attachment a : attachments.list(c, documentsOf(householdId))) {
            out.add(documentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), a.uploadedBy(), a.uploadedAt()));
        }
        for (DocumentStore.Old d : old) {
            out.add(documentView(-d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedBy(), d.uploadedAt()));
        }
        return out;
    }

    private static Map<String, Object> documentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, java.time.Instant uploadedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("fileName", fileName);
        d.put("contentType", contentType);
        d.put("sizeBytes", sizeBytes);
        d.put("sha256", sha256);
        d.put("uploadedBy", uploadedBy);
        d.put("uploadedAt", uploadedAt.toString());
        return d;
    }

    public List<Map<String, Object>> documents(PortalUser user, long id) {
        return db.read(c -> {
            visible(c, id, DataScope.of(user));
            return documents(c, attachments, id);
        });
    }

    /**
     * Keeps a document of the household: PDF, JPEG or PNG by its content, at most 10 MiB (the attachments check it, after
     * the household's scope).
     */
    public Map<String, Object> upload(PortalUser user, long id, String fileName, byte[] content) {
        return db.inTransaction(c -> {
            Summary s = visible(c, id, DataScope.of(user));
            Attachment a = attachments.add(c, documentsOf(id), fileName, content, user.username(), time.now());
            HouseholdStore.history(c, id, user.username(), HistoryStep.documentAdded(a.fileName()));
            audit.record(c, Audit.entry("household", id, "ADD_DOCUMENT", s.orgPath(), user).changes(Map.of(),
                    AuditFields.of("document", a.fileName(), "attachmentId", a.id(), "sha256", a.sha256())));
            return documentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), a.uploadedBy(), a.uploadedAt());
        });
    }

    /** The document itself: an attachment, or (negative id) a document of the old table. */
    public Download document(PortalUser user, long id, long documentId) {
        return db.read(c -> {
            visible(c, id, DataScope.of(user));
            if (documentId < 0) {
                DocumentStore.OldContent old = DocumentStore.read(c, id, -documentId).orElseThrow(() -> documentNotFound(id, documentId));
                return Download.of(old.document().fileName(), old.document().contentType(), old.content(), true);
            }
            AttachmentContent a = attachments.read(c, documentsOf(id), documentId).orElseThrow(() -> documentNotFound(id, documentId));
            return Download.of(a.attachment().fileName(), a.attachment().contentType(), a.content(), true);
        });
    }

    /**
     * Deletes a document, with its old copy if it was handed over. The operator deletes while the application is open;
     * district and city staff also while the household is on file; a decided file keeps its documents.
     */
    public void deleteDocument(PortalUser user, long id, long documentId) {
        db.inTransaction(c -> {
            HouseholdStore.lock(c, id);
            Summary s = visible(c, id, DataScope.of(user));
            Map<String, Object> gone;
            if (documentId < 0) {
                if (!DocumentStore.lock(c, id, -documentId)) {
                    throw documentNotFound(id, documentId);
                }
                DocumentStore.Old old = DocumentStore.read(c, id, -documentId).orElseThrow(() -> documentNotFound(id, documentId)).document();
                refuseDeleting(s, user);
                DocumentStore.delete(c, id, old.id());
                if (old.attachmentId() != null && old.attachmentId() > 0) {
                    attachments.delete(c, documentsOf(id), old.attachmentId());
                }
                gone = AuditFields.of("document", old.fileName(), "oldDocumentId", old.id(), "attachmentId", old.attachmentId(),
                        "sha256", old.sha256());
            } else {
                Attachment a = attachments.read(c, documentsOf(id), documentId).orElseThrow(() -> documentNotFound(id, documentId))
                        .attachment();
                refuseDeleting(s, user);
                attachments.delete(c, documentsOf(id), documentId);
                DocumentStore.deleteCopyOf(c, id, documentId);
                gone = AuditFields.of("document", a.fileName(), "attachmentId", a.id(), "sha256", a.sha256());
            }
            HouseholdStore.history(c, id, user.username(), HistoryStep.documentRemoved(String.valueOf(gone.get("document"))));
            audit.record(c, Audit.entry("household", id, "DELETE_DOCUMENT", s.orgPath(), user).changes(gone, Map.of()));
            return null;
        });
    }

    private static void refuseDeleting(Summary s, PortalUser user) {
        if (!s.status().editableBy(Staff.fullAccess(user))) {
            throw Problems.wrongState("document_not_deletable", "户 " + s.id() + " 的材料已随审核结果存档，不能删除",
                    "The documents of household " + s.id() + " are kept with its decision and cannot be deleted", s.status());
        }
    }

    private static ProblemException documentNotFound(long id, long documentId) {
        return ProblemException.notFound("document_not_found", Text.of("户 " + id + " 没有材料 " + documentId,
                "Household " + id + " has no document " + documentId));
    }

    // --- shared ------------------------------------------------------------------------------------

    /** 404 unless the household lies in the caller's scope: checked before anything sent is validated. */
    void requireVisible(PortalUser user, long id) {
        db.read(c -> visible(c, id, DataScope.of(user)));
    }

    /** Records a decision on the household: what it was ({@code before}) and is now, with the decision's note. */
    private void recordChange(Connection c, PortalUser user, String action, Summary before, String noteName, String note)
            throws SQLException {
        Map<String, Object> after = Audit.of(HouseholdStore.find(c, before.id()).orElseThrow());
        if (noteName != null) {
            after.put(noteName, note);
        }
        audit.record(c, Audit.entry("household", before.id(), action, before.orgPath(), user).changes(Audit.of(before), after));
    }

    /** The household if it lies in the scope; 404 otherwise (also for the safety net). */
    static Summary visible(Connection c, long id, DataScope scope) throws SQLException {
        return scope.visible(HouseholdStore.find(c, id), Summary::orgPath, "household_not_found", Problems.householdNotFound(id));
    }

    private Detail detail(long id, PortalUser user) {
        Map<Long, String> names = orgNames(user);
        Detail detail = db.read(c -> {
            Summary s = visible(c, id, DataScope.of(user));
            // The operator who files an application corrects it while it is open, so sees what was typed;
            // once decided, only district and city staff see ID numbers, incomes and illnesses in full.
            return HouseholdStore.detail(c, HouseholdStore.withOrgName(s, names.get(s.orgId())), Staff.fullAccess(user) || s.status().open(),
                    documents(c, attachments, id));
        });
        return detail.withPeople(People.of(users, detail.history().stream().map(HouseholdStore.HistoryEntry::actor).toList()));
    }

    /** Names of the organisations in the user's subtree (read before any transaction: it is another connection). */
    private Map<Long, String> orgNames(PortalUser user) {
        Map<Long, String> names = new HashMap<>();
        for (OrganisationInfo o : orgs.subtree(user.orgPath())) {
            names.put(o.id(), o.name());
        }
        return names;
    }

    /** The organisation the household belongs to: the given one (in the user's subtree) or the user's own. */
    private OrganisationInfo organisation(Long orgId, PortalUser user) {
        long id = orgId == null ? user.orgId() : orgId;
        return orgs.byId(id).filter(o -> DataScope.of(user).covers(o.path())).orElseThrow(() -> ProblemException.invalid(List.of(
                ProblemException.FieldError.of("orgId", "organisation_outside_scope", "所选工会不在您的管理范围内",
                        "The organisation is outside your part of the union tree"))));
    }

    /** A worker has one open application or file at a time, anywhere in the city (named without revealing where). */
    private static void refuseOpenDuplicate(Connection c, HouseholdForm form, long exceptId) throws SQLException {
        int self = 0;
        for (int i = 0; i < form.members().size(); i++) {
            if (Relation.SELF.code().equals(form.members().get(i).relation())) {
                self = i;
            }
        }
        String headId = IdNumbers.normalize(form.members().get(self).idNumber());
        if (HouseholdStore.headHasOtherActive(c, headId, exceptId)) {
            Text text = Text.of("该职工已有在办的建档申请或已在档，不能重复建档", "This worker already has an open application or is on file");
            throw new ProblemException(409, "household_exists", text,
                    List.of(new ProblemException.FieldError("members[" + self + "].idNumber", "household_exists", text)));
        }
    }
}
