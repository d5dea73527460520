package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.mutualaid.internal.AuditFields;
import org.unionportal.api.db.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.BenefitCalculator;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.Cover;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.rules.PriorUsage;
import org.unionportal.mutualaid.internal.rules.Rejection;
import org.unionportal.mutualaid.internal.store.Claim;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.ClaimSummary;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.Json;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;

/**
 * Claims online (线上理赔): filed by the member or their union's operator, computed by the plan's
 * rules, reviewed by district or city staff. Approval recomputes under the enrolment's lock, so
 * concurrent approvals never pay more than the caps allow.
 */
@Component(service = ClaimsResource.class)
@PortalResource
@Path("/mutual-aid/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    AuditTrail audit;
    @Reference
    org.unionportal.api.notification.Notifications notifications;
    @Reference
    org.unionportal.api.attachment.Attachments attachments;
    /** Only once the documents the module kept itself are with the portal's attachments. */
    @Reference
    DocumentHandover documentHandover;

    public record ClaimRequest(Long enrolmentId, EventType eventType, LocalDate eventDate, LocalDate admissionDate,
                               LocalDate dischargeDate, String hospital, String diagnosis, String criticalIllness,
                               Integer disabilityGrade, Long totalCostFen, Long basicInsuranceFen, Long commercialInsuranceFen) {
    }

    /** SUBMIT (a draft), START_REVIEW, APPROVE (amountFen optional, at most what the rules allow), RETURN, REJECT, RESUBMIT. */
    public record Decision(String action, Long amountFen, String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response file(ClaimRequest r, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Validation v = new Validation();
        v.require(r.enrolmentId() != null, "enrolmentId", "is required");
        v.require(r.eventType() != null, "eventType", "must be HOSPITAL_STAY, CRITICAL_ILLNESS, ACCIDENT_DISABILITY or ACCIDENTAL_DEATH");
        v.require(r.eventDate() != null, "eventDate", "must be a date (yyyy-MM-dd)");
        v.require(r.eventDate() == null || !r.eventDate().isAfter(Scope.today()), "eventDate", "must not be in the future");
        v.require(r.totalCostFen() != null && r.totalCostFen() >= 0, "totalCostFen", "must be 0 or more (fen)");
        v.require(r.basicInsuranceFen() == null || r.basicInsuranceFen() >= 0, "basicInsuranceFen", "must be 0 or more (fen)");
        v.require(r.commercialInsuranceFen() == null || r.commercialInsuranceFen() >= 0, "commercialInsuranceFen", "must be 0 or more (fen)");
        v.require(r.hospital() == null || r.hospital().length() <= 200, "hospital", "must be at most 200 characters");
        v.require(r.diagnosis() == null || r.diagnosis().length() <= 500, "diagnosis", "must be at most 500 characters");
        v.require(r.criticalIllness() == null || r.criticalIllness().length() <= 200, "criticalIllness", "must be at most 200 characters");
        v.throwIfInvalid();
        ClaimFacts facts = new ClaimFacts(r.eventType(), r.eventDate(), r.admissionDate(), r.dischargeDate(),
                blankToNull(r.criticalIllness()), r.disabilityGrade(), r.totalCostFen(),
                r.basicInsuranceFen() == null ? 0 : r.basicInsuranceFen(),
                r.commercialInsuranceFen() == null ? 0 : r.commercialInsuranceFen());
        long id = db.inTransaction(c -> {
            EnrolmentStore.EnrolmentView enrolment = enrolmentFor(c, r.enrolmentId(), user);
            if (!List.of("ACTIVE", "EXPIRED").contains(enrolment.status())) {
                throw ProblemException.conflict("This cover is " + enrolment.status()
                        + "; claims can be filed once the group enrolment's fee is paid.");
            }
            ClaimStore.overlapping(c, enrolment.id(), facts).ifPresent(other -> {
                throw ProblemException.conflict("Claim " + other + " already covers this event or an overlapping hospital stay.");
            });
            Assessment assessment = assess(c, enrolment, facts, 0);
            rejectInvalid(assessment);
            long claimId = ClaimStore.insert(c, enrolment.id(), enrolment.memberId(), enrolment.orgPath(), facts,
                    blankToNull(r.hospital()), blankToNull(r.diagnosis()), "SUBMITTED", assessment, user.username());
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "claim", claimId, "CREATE", enrolment.orgPath(), Actor.of(user))
                    .changes(java.util.Map.of(), AuditFields.of("status", "SUBMITTED", "enrolmentId", enrolment.id(), "eventType", facts.type(),
                            "eventDate", facts.eventDate(), "totalCostFen", facts.totalCostFen(), "computedFen", assessment.totalFen())));
            return claimId;
        });
        return Response.status(201).entity(get(id, context)).build();
    }

    /** What a page of the list depends on: members see only their own claims, staff their subtree's. */
    private record PageKey(String subtreePattern, String status, String memberUsername, long offset, int limit) {
    }

    /**
     * Recently read pages of the list, as the JSON sent (the work queue is read far more often than claims
     * change): 8 MiB, some 300 pages of 50.
     */
    private final PageCache<PageKey> pages = new PageCache<>(8L << 20);

    /**
     * A page of the claims the user may see, newest first, with the total. The same page is answered from
     * memory until the next write to the database; {@code Cache-Control: no-cache} reads it afresh.
     */
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                         @QueryParam("size") Integer size, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
                         @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        PageKey key = new PageKey(user.subtreePattern(), status, isStaff(user) ? null : user.username(), offset, limit);
        long generation = db.writeGeneration();
        boolean fresh = cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
        byte[] json = fresh ? null : pages.get(key, generation);
        if (json == null) {
            json = Json.bytes(db.read(c -> {
                Long memberId = ownMemberOnly(c, user);
                return Map.of("total", ClaimStore.count(c, user.subtreePattern(), status, memberId),
                        "items", ClaimStore.page(c, user.subtreePattern(), status, memberId, offset, limit)
                                .stream().map(ClaimsResource::summaryView).toList());
            }));
            pages.put(key, generation, json);
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The claims the user may see, as CSV or XLSX; ID numbers masked, no diagnoses. */
    @GET
    @Path("/export")
    @Produces({"text/csv", Exports.XLSX, MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") String format, @QueryParam("status") String status,
                           @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        List<List<Object>> rows = db.read(c -> ClaimStore.all(c, user.subtreePattern(), status, ownMemberOnly(c, user)))
                .stream().map(cl -> List.<Object>of(cl.id(), cl.memberName(), Masking.idNumber(cl.idNumber()), cl.planCode(),
                        cl.eventType().labelZh(), cl.eventDate().toString(), Money.yuan(cl.computedFen()),
                        cl.approvedFen() == null ? "" : Money.yuan(cl.approvedFen()), cl.status(), cl.filedAt().toString()))
                .toList();
        return Exports.file(format, "mutual-aid-claims", List.of("理赔编号", "姓名", "身份证号", "项目代码", "事件", "事件日期",
                "核算金额(元)", "核定金额(元)", "状态", "提交时间"), rows);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.read(c -> {
            Claim claim = visible(c, id, user);
            return view(claim, ClaimStore.events(c, id));
        });
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        String action = d.action() == null ? "" : d.action().strip().toUpperCase(java.util.Locale.ROOT);
        db.inTransaction(c -> {
            // Every decision takes its enrolment's lock first, so decisions queue in one order and
            // the caps are read and used under that one lock.
            lockEnrolmentOf(c, id);
            Claim claim = visible(c, id, user);
            switch (action) {
                case "START_REVIEW" -> move(c, claim, user, action, List.of("SUBMITTED"), "UNDER_REVIEW", null, null, d.reason(), true);
                case "RETURN" -> {
                    String reason = required(d.reason(), "why the claim goes back, e.g. which document is missing");
                    move(c, claim, user, action, List.of("SUBMITTED", "UNDER_REVIEW"), "RETURNED", null, null, reason, true);
                    // A claim can come back more than once; each return is its own reminder.
                    long returns = ClaimStore.events(c, id).stream().filter(e -> "RETURN".equals(e.action())).count();
                    Reminders.enqueue(c, notifications, Reminders.CLAIM_RETURNED, Reminders.dedupKey(Reminders.CLAIM_RETURNED, "claim", id, returns),
                            claim.memberId(), Reminders.claimReturned(claim.memberName(), id, reason));
                }
                case "REJECT" -> move(c, claim, user, action, List.of("SUBMITTED", "UNDER_REVIEW"), "REJECTED", null, null,
                        required(d.reason(), "why the claim is rejected"), true);
                case "RESUBMIT" -> {
                    requireFiler(user);
                    move(c, claim, user, action, List.of("RETURNED"), "SUBMITTED", null, null, d.reason(), false);
                }
                // A draft prepared from the medical-insurance settlements becomes a claim once its member sends it.
                case "SUBMIT" -> {
                    requireFiler(user);
                    move(c, claim, user, action, List.of("DRAFT"), "SUBMITTED", null, null, d.reason(), false);
                }
                case "APPROVE" -> approve(c, claim, user, d);
                default -> throw ProblemException.invalid(List.of(new ProblemException.FieldError("action",
                        "must be SUBMIT, START_REVIEW, APPROVE, RETURN, REJECT or RESUBMIT")));
            }
            Claim after = visible(c, id, user);
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "claim", id, action, claim.orgPath(), Actor.of(user))
                    .changes(auditFields(claim), auditFields(after)));
            return null;
        });
        return get(id, context);
    }

    private static void lockEnrolmentOf(Connection c, long claimId) throws SQLException {
        Long enrolmentId = Jdbc.one(c, "SELECT ENROLMENT_ID FROM MA_CLAIM WHERE ID = ?",
                rs -> rs.getLong(1), claimId).orElse(null);
        if (enrolmentId != null) {
            EnrolmentStore.lock(c, enrolmentId);
        }
    }

    // --- supporting documents (kept by the portal's attachment service) -----------------------------

    /** The attachment owner of a claim's documents. */
    static org.unionportal.api.attachment.AttachmentOwner documentsOf(long claimId) {
        return org.unionportal.api.attachment.AttachmentOwner.of("mutual-aid", "claim", claimId);
    }

    /**
     * A supporting document (invoice, discharge summary, diagnosis): PDF, JPEG or PNG by its bytes, at most 10 MiB.
     * Whether the claim may be seen is checked first: another union's claim is not found, whatever was sent.
     */
    @POST
    @Path("/{id}/documents")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({Role.MEMBER, Role.UNION_OPERATOR})
    public Response upload(@PathParam("id") long id, @QueryParam("fileName") String fileName, java.io.InputStream body,
                           @Context SecurityContext context) throws java.io.IOException {
        PortalUser user = Scope.user(context);
        db.read(c -> visible(c, id, user));
        byte[] content = body.readNBytes(org.unionportal.api.web.UploadedFiles.MAX_BYTES + 1);
        Map<String, Object> doc = db.inTransaction(c -> {
            Claim claim = visible(c, id, user);
            if (List.of("PAID", "REJECTED").contains(claim.status())) {
                throw ProblemException.conflict("claim_closed", org.unionportal.api.i18n.Text.of(
                        "理赔 " + id + " 已结案，不能再添加材料。", "Claim " + id + " is closed; documents can no longer be added."));
            }
            org.unionportal.api.attachment.Attachment a = attachments.add(c, documentsOf(id), fileName, content, user.username());
            ClaimStore.event(c, id, user.username(), "DOCUMENT", claim.status(), claim.status(), a.fileName());
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "claim", id, "ADD_DOCUMENT", claim.orgPath(), Actor.of(user))
                    .changes(java.util.Map.of(), AuditFields.of("document", a.fileName(), "attachmentId", a.id(), "sha256", a.sha256())));
            return documentView(a);
        });
        return Response.status(201).entity(doc).build();
    }

    @GET
    @Path("/{id}/documents")
    public List<Map<String, Object>> documents(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.read(c -> {
            visible(c, id, user);
            return attachments.list(c, documentsOf(id)).stream().map(ClaimsResource::documentView).toList();
        });
    }

    /** The document itself, only to those who may see the claim; always as a download, never rendered inline. */
    @GET
    @Path("/{id}/documents/{docId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public Response document(@PathParam("id") long id, @PathParam("docId") long docId, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        org.unionportal.api.attachment.AttachmentContent doc = db.read(c -> {
            visible(c, id, user);
            return attachments.read(c, documentsOf(id), docId);
        }).orElseThrow(() -> ProblemException.notFound("document_not_found", org.unionportal.api.i18n.Text.of(
                "理赔 " + id + " 没有编号为 " + docId + " 的材料。", "No document " + docId + " on claim " + id + ".")));
        return Response.ok(doc.content(), doc.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(doc.attachment().fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** What the audit trail keeps of a claim's decision. */
    static Map<String, Object> auditFields(Claim claim) {
        return AuditFields.of("status", claim.status(), "approvedFen", claim.approvedFen(), "computedFen", claim.computedFen(),
                "reason", claim.reason());
    }

    static Map<String, Object> documentView(org.unionportal.api.attachment.Attachment a) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("id", a.id());
        d.put("fileName", a.fileName());
        d.put("contentType", a.contentType());
        d.put("sizeBytes", a.sizeBytes());
        d.put("sha256", a.sha256());
        d.put("uploadedBy", a.uploadedBy());
        d.put("uploadedAt", a.uploadedAt().toString());
        return d;
    }

    private void approve(Connection c, Claim claim, PortalUser user, Decision d) throws SQLException {
        requireReviewer(user);
        EnrolmentStore.EnrolmentView enrolment = EnrolmentStore.byId(c, claim.enrolmentId(), Scope.today()).orElseThrow();
        Assessment assessment = assess(c, enrolment, claim.facts(), claim.id());
        long allowed = assessment.payable() ? assessment.totalFen() : 0;
        if (allowed <= 0) {
            throw ProblemException.conflict("The rules allow nothing for this claim now (" + reasons(assessment)
                    + "); reject it or return it for corrections.");
        }
        long amount = d.amountFen() == null ? allowed : d.amountFen();
        if (amount <= 0 || amount > allowed) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("amountFen",
                    "must be more than 0 and at most " + allowed + " fen, what the rules allow now")));
        }
        String reason = d.reason();
        if (amount < allowed) {
            reason = required(reason, "why the amount is lower than the " + allowed + " fen the rules allow");
        }
        move(c, claim, user, "APPROVE", List.of("SUBMITTED", "UNDER_REVIEW"), "APPROVED", amount, assessment, reason, true);
    }

    private void move(Connection c, Claim claim, PortalUser user, String action, List<String> from, String to, Long amount,
                      Assessment assessment, String reason, boolean reviewerOnly) throws SQLException {
        if (reviewerOnly) {
            requireReviewer(user);
        }
        if (!ClaimStore.transition(c, claim.id(), from, to, amount, assessment, reason)) {
            throw ProblemException.conflict("Claim " + claim.id() + " is " + current(c, claim.id()) + ", so " + action
                    + " is not possible any more (perhaps someone else just decided it); reload the claim.");
        }
        ClaimStore.event(c, claim.id(), user.username(), action, claim.status(), to,
                amount == null ? reason : "amount " + amount + " fen" + (reason == null ? "" : "; " + reason));
    }

    private static String current(Connection c, long id) throws SQLException {
        return ClaimStore.byId(c, id).map(Claim::status).orElse("gone");
    }

    /** Computes a claim with what other approved claims of the enrolment already used. */
    public static Assessment assess(Connection c, EnrolmentStore.EnrolmentView enrolment, ClaimFacts facts, long claimId) throws SQLException {
        Plan plan = PlanStore.byId(c, enrolment.planId()).orElseThrow();
        Cover cover = new Cover(enrolment.coverStart(), enrolment.coverEnd(), plan.waitingDays(), enrolment.renewal());
        PriorUsage prior = ClaimStore.priorUsage(c, enrolment.id(), claimId, facts.medicalYear());
        return BenefitCalculator.assess(plan.rules().benefits(), cover, facts, prior);
    }

    private static void rejectInvalid(Assessment assessment) {
        List<Rejection> invalid = assessment.rejections().stream().filter(r -> "INVALID_FACTS".equals(r.code())).toList();
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid.stream()
                    .map(r -> new ProblemException.FieldError("facts", r.messageZh() + " (" + r.messageEn() + ")")).toList());
        }
    }

    private static String reasons(Assessment a) {
        return a.rejections().isEmpty() ? "nothing payable" : String.join("; ", a.rejections().stream().map(Rejection::messageEn).toList());
    }

    private EnrolmentStore.EnrolmentView enrolmentFor(Connection c, long enrolmentId, PortalUser user) throws SQLException {
        EnrolmentStore.EnrolmentView e = EnrolmentStore.byId(c, enrolmentId, Scope.today()).orElse(null);
        boolean mine = e != null && user.hasRole(Role.MEMBER)
                && EnrolmentStore.memberIdOfUser(c, user.username()).map(id -> id == e.memberId()).orElse(false);
        boolean staff = e != null && user.hasRole(Role.UNION_OPERATOR) && user.covers(e.orgPath());
        if (!mine && !staff) {
            throw ProblemException.notFound("No enrolment " + enrolmentId + " you can file a claim for.");
        }
        return e;
    }

    /** A claim the user may see: members their own, staff those in their subtree. Otherwise 404. */
    static Claim visible(Connection c, long id, PortalUser user) throws SQLException {
        Claim claim = ClaimStore.byId(c, id).orElse(null);
        if (claim != null) {
            boolean staff = isStaff(user) && user.covers(claim.orgPath());
            boolean own = user.hasRole(Role.MEMBER)
                    && EnrolmentStore.memberIdOfUser(c, user.username()).map(m -> m == claim.memberId()).orElse(false);
            if (staff || own) {
                return claim;
            }
        }
        throw ProblemException.notFound("No claim " + id + " in your part of the union tree.");
    }

    /** For a plain member, only their own claims; staff see their subtree. */
    static Long ownMemberOnly(Connection c, PortalUser user) throws SQLException {
        if (isStaff(user)) {
            return null;
        }
        return EnrolmentStore.memberIdOfUser(c, user.username()).orElse(-1L);
    }

    private static boolean isStaff(PortalUser user) {
        return user.hasAnyRole(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN);
    }

    private static void requireReviewer(PortalUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("Claims are reviewed by district or city staff.");
        }
    }

    private static void requireFiler(PortalUser user) {
        if (!user.hasAnyRole(Role.MEMBER, Role.UNION_OPERATOR)) {
            throw ProblemException.forbidden("A returned claim is sent again by the member or their union's operator.");
        }
    }

    private static String required(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("reason", "is required: " + what)));
        }
        if (reason.length() > 1000) {
            throw ProblemException.invalid(List.of(new ProblemException.FieldError("reason", "must be at most 1000 characters")));
        }
        return reason.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A claim in a list: masked ID number, no diagnosis, no assessment (those come with the claim itself).
     * Plain JSON values only (dates as ISO text), since the list is written to bytes by the module itself.
     */
    static Map<String, Object> summaryView(ClaimSummary c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("enrolmentId", c.enrolmentId());
        v.put("memberName", c.memberName());
        v.put("idNumber", Masking.idNumber(c.idNumber()));
        v.put("planCode", c.planCode());
        v.put("planNameZh", c.planNameZh());
        v.put("eventType", c.eventType().name());
        v.put("eventDate", c.eventDate().toString());
        v.put("admissionDate", c.admissionDate() == null ? null : c.admissionDate().toString());
        v.put("dischargeDate", c.dischargeDate() == null ? null : c.dischargeDate().toString());
        v.put("hospital", c.hospital());
        v.put("totalCostFen", c.totalCostFen());
        v.put("status", c.status());
        v.put("computedFen", c.computedFen());
        v.put("approvedFen", c.approvedFen());
        v.put("filedBy", c.filedBy());
        v.put("filedAt", c.filedAt().toString());
        v.put("payoutBatchId", c.payoutBatchId());
        return v;
    }

    /** A claim in full: the summary, then what only the claim itself shows (diagnosis, assessment, history). */
    static Map<String, Object> view(Claim c, List<ClaimStore.Event> events) {
        Map<String, Object> v = summaryView(c.summary());
        // A diagnosis is health data: shown to those who may see the claim at all, never in lists.
        v.put("diagnosis", c.diagnosis());
        v.put("criticalIllness", c.criticalIllness());
        v.put("disabilityGrade", c.disabilityGrade());
        v.put("basicInsuranceFen", c.basicPaidFen());
        v.put("commercialInsuranceFen", c.commercialPaidFen());
        v.put("assessment", c.assessment());
        v.put("reason", c.reason());
        if (!events.isEmpty()) {
            v.put("history", events.stream().map(e -> Map.of("at", e.occurredAt().toString(), "actor", e.actor(),
                    "action", e.action(), "to", e.toStatus(), "detail", e.detail() == null ? "" : e.detail())).toList());
        }
        return v;
    }
}
