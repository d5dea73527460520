package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.mutualaid.internal.AuditFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.mutualaid.internal.roster.ParsedRoster;
import org.unionportal.mutualaid.internal.roster.RosterChecks;
import org.unionportal.mutualaid.internal.roster.RosterReader;
import org.unionportal.mutualaid.internal.roster.RosterRow;
import org.unionportal.mutualaid.internal.roster.RowProblem;
import org.unionportal.mutualaid.internal.rules.Gender;
import org.unionportal.mutualaid.internal.rules.Person;
import org.unionportal.mutualaid.internal.rules.WorkerCategory;
import org.unionportal.api.db.Jdbc;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;

/**
 * Group enrolment (团体参保): a grassroots union's operator uploads a roster, sees every row's
 * problems, and confirms; only then are members and enrolments written, all in one transaction.
 */
@Component(service = EnrolmentResource.class)
@PortalResource
@Path("/mutual-aid/enrolments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {
    /** Largest roster file accepted. A 100,000-row CSV is about 8 MiB. */
    static final int MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
    /** At most this many problems are listed in one answer; all are counted. */
    static final int MAX_LISTED_PROBLEMS = 2000;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    AuditTrail audit;
    @Reference
    OrganisationDirectory organisations;

    @POST
    @Path("/uploads")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed(Role.UNION_OPERATOR)
    public Response upload(@QueryParam("planId") Long planId, @QueryParam("fileName") String fileName, InputStream body,
                           @Context SecurityContext context) throws IOException {
        PortalUser user = Scope.user(context);
        if (planId == null || fileName == null || fileName.isBlank()) {
            throw ProblemException.badRequest("Send the roster as the request body with ?planId=<plan>&fileName=<name.csv or name.xlsx>.");
        }
        byte[] content = readLimited(body, "roster file");
        Plan plan = openPlan(planId);
        OrganisationInfo org = organisations.byId(user.orgId())
                .orElseThrow(() -> ProblemException.forbidden("Your organisation is not in the union tree."));
        Preview preview = preview(plan, content, fileName);
        long uploadId = db.inTransaction(c -> Jdbc.insert(c, "INSERT INTO MA_ROSTER_UPLOAD (PLAN_ID, ORG_ID, ORG_PATH, FILE_NAME, CONTENT, "
                        + "ROW_COUNT, PROBLEM_COUNT, STATUS, UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan.id(), org.id(), org.path(), fileName.strip(), content, preview.rows().size(), preview.problems().size(),
                "PREVIEWED", user.username(), Instant.now()));
        return Response.status(201).entity(previewView(uploadId, plan, preview)).build();
    }

    /** Writes the previewed roster: checked again, so that nothing enrolled meanwhile is enrolled twice. */
    @POST
    @Path("/uploads/{id}/confirm")
    @RolesAllowed(Role.UNION_OPERATOR)
    public Response confirm(@PathParam("id") long uploadId, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Map<String, Object> result = db.inTransaction(c -> {
            Object[] upload;
            try (PreparedStatement ps = Jdbc.prepare(c, "SELECT PLAN_ID, ORG_ID, FILE_NAME, CONTENT, STATUS FROM MA_ROSTER_UPLOAD "
                    + "WHERE ID = ? AND ORG_PATH LIKE ?", uploadId, user.subtreePattern()); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("No roster upload " + uploadId + " of your union.");
                }
                upload = new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getString(5)};
            }
            if (!"PREVIEWED".equals(upload[4])) {
                throw ProblemException.conflict("Roster upload " + uploadId + " was already " + upload[4].toString().toLowerCase()
                        + "; upload the file again for a new enrolment.");
            }
            // The same update takes the upload's row lock: a second confirm waits, then sees CONFIRMED.
            if (Jdbc.update(c, "UPDATE MA_ROSTER_UPLOAD SET STATUS = 'CONFIRMED' WHERE ID = ? AND STATUS = 'PREVIEWED'", uploadId) != 1) {
                throw ProblemException.conflict("Roster upload " + uploadId + " was confirmed by another request.");
            }
            Plan plan = PlanStore.byId(c, (Long) upload[0]).orElseThrow();
            OrganisationInfo org = organisations.byId((Long) upload[1]).orElseThrow();
            Preview preview = check(plan, RosterReader.read(new ByteArrayInputStream((byte[]) upload[3]), (String) upload[2]),
                    EnrolmentStore.enrolledIdNumbers(c, plan.code(), plan.coverFrom()));
            if (!preview.problems().isEmpty()) {
                throw new RosterProblems(preview.problems());
            }
            long batchId = EnrolmentStore.enrol(c, plan, plan.coverFrom(), org, preview.rows(), user.username());
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "enrolment-batch", batchId, "CREATE", org.path(), Actor.of(user))
                    .changes(Map.of(), AuditFields.of("planCode", plan.code(), "persons", preview.rows().size(), "uploadId", uploadId)));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("batchId", batchId);
            view.put("planId", plan.id());
            view.put("persons", preview.rows().size());
            view.put("feeTotalFen", plan.feePerPersonFen() * preview.rows().size());
            view.put("coverStart", plan.coverFrom().toString());
            view.put("coverEnd", plan.coverEnd(plan.coverFrom()).toString());
            view.put("status", plan.feePerPersonFen() == 0 ? "ACTIVE" : "PENDING_PAYMENT");
            return view;
        });
        return Response.status(201).entity(result).build();
    }

    @GET
    public Map<String, Object> list(@QueryParam("batchId") Long batchId, @QueryParam("page") Integer page,
                                    @QueryParam("size") Integer size, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        requireStaff(user);
        int limit = Paging.size(size);
        LocalDate today = Scope.today();
        return db.read(c -> Map.of(
                "total", EnrolmentStore.count(c, user.subtreePattern(), batchId),
                "items", EnrolmentStore.list(c, user.subtreePattern(), batchId, Paging.offset(page, limit), limit, today).stream()
                        .map(EnrolmentResource::masked).toList()));
    }

    /** The enrolments of the user's subtree (or of one batch) as CSV or XLSX; ID numbers and phones masked. */
    @GET
    @Path("/export")
    @Produces({"text/csv", Exports.XLSX, MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") String format, @QueryParam("batchId") Long batchId,
                           @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        requireStaff(user);
        LocalDate today = Scope.today();
        List<List<Object>> rows = db.read(c -> EnrolmentStore.list(c, user.subtreePattern(), batchId, 0, 500_000, today)).stream()
                .map(e -> List.<Object>of(e.id(), e.memberName(), Masking.idNumber(e.idNumber()), Masking.phone(e.phone()),
                        e.planCode(), e.planNameZh(), e.coverStart().toString(), e.coverEnd().toString(), Money.yuan(e.feeFen()),
                        e.renewal() ? "是" : "否", e.status()))
                .toList();
        return Exports.file(format, "mutual-aid-enrolments", List.of("参保编号", "姓名", "身份证号", "手机号", "项目代码", "项目",
                "保障开始", "保障结束", "费用(元)", "续保", "状态"), rows);
    }

    /** Last period's roster again, for the plan's current period: one step, checked like any roster. */
    @POST
    @Path("/batches/{id}/renew")
    @RolesAllowed(Role.UNION_OPERATOR)
    public Response renew(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Map<String, Object> result = db.inTransaction(c -> {
            EnrolmentStore.Batch old = EnrolmentStore.batch(c, id, user.subtreePattern())
                    .orElseThrow(() -> ProblemException.notFound("No group enrolment " + id + " of your union."));
            Plan plan = PlanStore.currentByCode(c, old.planCode()).orElseThrow();
            requireOpen(plan);
            if (!plan.coverFrom().isAfter(old.coverStart())) {
                throw ProblemException.conflict("The current version of " + plan.code() + " covers the same period as group enrolment "
                        + id + "; there is nothing to renew yet.");
            }
            List<RosterRow> rows = EnrolmentStore.rosterOfBatch(c, id);
            Preview preview = check(plan, new ParsedRoster(rows, List.of()),
                    EnrolmentStore.enrolledIdNumbers(c, plan.code(), plan.coverFrom()));
            if (!preview.problems().isEmpty()) {
                throw new RosterProblems(preview.problems());
            }
            OrganisationInfo org = organisations.byId(old.orgId()).orElseThrow();
            long batchId = EnrolmentStore.enrol(c, plan, plan.coverFrom(), org, rows, user.username());
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "enrolment-batch", batchId, "RENEW", org.path(), Actor.of(user))
                    .changes(Map.of(), AuditFields.of("planCode", plan.code(), "persons", rows.size(), "renewedBatchId", id)));
            return Map.<String, Object>of("batchId", batchId, "planId", plan.id(), "persons", rows.size(),
                    "feeTotalFen", plan.feePerPersonFen() * rows.size(), "coverStart", plan.coverFrom().toString());
        });
        return Response.status(201).entity(result).build();
    }

    @GET
    @Path("/batches")
    public List<EnrolmentStore.Batch> batches(@Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        requireStaff(user);
        return db.read(c -> EnrolmentStore.batches(c, user.subtreePattern()));
    }

    /** The fee of a group enrolment was received: its cover becomes active. */
    @POST
    @Path("/batches/{id}/payment")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public EnrolmentStore.Batch paid(@PathParam("id") long id, @Context SecurityContext context) {
        return changeBatch(id, "PENDING_PAYMENT", "ACTIVE", Scope.user(context));
    }

    @POST
    @Path("/batches/{id}/cancel")
    @RolesAllowed({Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public EnrolmentStore.Batch cancel(@PathParam("id") long id, @Context SecurityContext context) {
        return changeBatch(id, "PENDING_PAYMENT", "CANCELLED", Scope.user(context));
    }

    private EnrolmentStore.Batch changeBatch(long id, String from, String to, PortalUser user) {
        return db.inTransaction(c -> {
            EnrolmentStore.Batch batch = EnrolmentStore.batch(c, id, user.subtreePattern())
                    .orElseThrow(() -> ProblemException.notFound("No group enrolment " + id + " in your part of the union tree."));
            if (!EnrolmentStore.setBatchStatus(c, id, from, to)) {
                throw ProblemException.conflict("Group enrolment " + id + " is " + batch.status() + ", not " + from + ".");
            }
            EnrolmentStore.Batch after = EnrolmentStore.batch(c, id, user.subtreePattern()).orElseThrow();
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "enrolment-batch", id, "ACTIVE".equals(to) ? "PAYMENT_RECEIVED" : "CANCEL", after.orgPath(),
                    Actor.of(user)).changes(Map.of("status", from), Map.of("status", to)));
            return after;
        });
    }

    static void requireStaff(PortalUser user) {
        if (!user.hasAnyRole(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("Enrolment lists are for union staff; members see their cover under 'My cover'.");
        }
    }

    static Map<String, Object> masked(EnrolmentStore.EnrolmentView e) {
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
        return view;
    }

    // --- roster checks -----------------------------------------------------------------------

    record Preview(List<RosterRow> rows, List<RowProblem> problems) {
    }

    private Plan openPlan(long planId) {
        Plan plan = db.read(c -> PlanStore.byId(c, planId)).orElseThrow(() -> ProblemException.notFound("No plan " + planId + "."));
        if (!plan.current()) {
            throw ProblemException.conflict("Plan " + planId + " is an old version; enrol in the current version of " + plan.code() + ".");
        }
        requireOpen(plan);
        return plan;
    }

    private static void requireOpen(Plan plan) {
        if (!plan.enrolmentOpen(Scope.today())) {
            throw ProblemException.conflict("Enrolment in " + plan.nameZh() + " is open from " + plan.enrolFrom() + " to "
                    + plan.enrolUntil() + " only.");
        }
    }

    private Preview preview(Plan plan, byte[] content, String fileName) {
        ParsedRoster parsed = RosterReader.read(new ByteArrayInputStream(content), fileName);
        Set<String> enrolled = db.read(c -> EnrolmentStore.enrolledIdNumbers(c, plan.code(), plan.coverFrom()));
        return check(plan, parsed, enrolled);
    }

    static Preview check(Plan plan, ParsedRoster parsed, Set<String> enrolled) {
        List<RowProblem> problems = new java.util.ArrayList<>(parsed.problems());
        if (parsed.problems().stream().noneMatch(p -> "file".equals(p.field()))) {
            problems.addAll(RosterChecks.check(parsed.rows(), Scope.today(), enrolled,
                    row -> plan.rules().eligibility().reasonsNotEligible(person(row))));
        }
        if (parsed.rows().isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(1, "file", "名单中没有任何人员 (the roster has no rows)"));
        }
        problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
        return new Preview(parsed.rows(), problems);
    }

    static Person person(RosterRow row) {
        Gender gender = "F".equals(row.gender()) || (row.gender() == null && row.idNumber() != null
                && IdNumbers.problem(row.idNumber()).isEmpty() && "F".equals(IdNumbers.gender(row.idNumber())))
                ? Gender.FEMALE : Gender.MALE;
        WorkerCategory category = WorkerCategory.parse(row.category()).orElse(WorkerCategory.EMPLOYEE);
        return new Person(gender, category, true, Boolean.TRUE.equals(row.basicInsurance()), Boolean.TRUE.equals(row.unionMember()));
    }

    private static Map<String, Object> previewView(long uploadId, Plan plan, Preview preview) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uploadId", uploadId);
        view.put("planId", plan.id());
        view.put("planNameZh", plan.nameZh());
        view.put("rows", preview.rows().size());
        view.put("problemCount", preview.problems().size());
        view.put("problems", preview.problems().subList(0, Math.min(MAX_LISTED_PROBLEMS, preview.problems().size())));
        view.put("feePerPersonFen", plan.feePerPersonFen());
        view.put("feeTotalFen", plan.feePerPersonFen() * preview.rows().size());
        view.put("coverStart", plan.coverFrom().toString());
        view.put("coverEnd", plan.coverEnd(plan.coverFrom()).toString());
        view.put("canConfirm", preview.problems().isEmpty());
        return view;
    }

    /** The uploaded file (a roster, or a settlement file: {@code what} names it in the answers). */
    static byte[] readLimited(InputStream body, String what) throws IOException {
        byte[] content = body.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new ProblemException(413, "File too large", "A " + what + " may have at most "
                    + (MAX_UPLOAD_BYTES / 1024 / 1024) + " MiB; split it into several uploads.");
        }
        if (content.length == 0) {
            throw ProblemException.badRequest("The " + what + " is empty.");
        }
        return content;
    }

    /** 422 listing the rows' problems, so the operator can fix the file. */
    static final class RosterProblems extends ProblemException {
        private static final long serialVersionUID = 1L;

        RosterProblems(List<RowProblem> problems) {
            super(422, "Roster has problems", problems.size() + " problem(s) in the roster; fix the rows listed in 'errors' and upload again.",
                    problems.stream().limit(MAX_LISTED_PROBLEMS)
                            .map(p -> new FieldError("line " + p.line() + ": " + p.field(), p.message())).toList());
        }
    }
}
