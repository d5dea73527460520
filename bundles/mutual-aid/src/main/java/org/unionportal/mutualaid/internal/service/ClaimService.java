package org.unionportal.mutualaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.mutualaid.internal.MutualAid;
import org.unionportal.api.notification.Notifications;
import org.unionportal.api.export.ExportPurpose;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.ProblemException.FieldError;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimAction;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.ClaimForm;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.Payee;
import org.unionportal.api.security.Masking;
import org.unionportal.api.money.Money;
import org.unionportal.mutualaid.internal.rules.Rejection;
import org.unionportal.mutualaid.internal.store.Claim;
import org.unionportal.api.security.PeopleNames;
import org.unionportal.api.security.UserDirectory;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.ClaimSummary;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.Json;

/**
 * Claims online (线上理赔): filed by the member or their union's operator, computed by the plan's
 * rules, decided by district or city staff ({@link ClaimAction}). Every decision takes its
 * enrolment's lock first, so concurrent approvals never pay more than the caps allow. Members see
 * their own claims, staff those of their subtree; any other claim is not found.
 */
@Component(service = ClaimService.class)
public class ClaimService {
    static final int MAX_REASON = 1000;
    /** A claim can be filed on a cover whose fee is paid, also after it ended (for events within it). */
    private static final Set<String> CLAIMABLE_COVER = Set.of("ACTIVE", "EXPIRED");

    private final PortalDatabase db;
    /** Every write is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;
    /** Reminders go out through the portal's outbox (set by DS; tests set a fake). */
    @Reference
    Notifications notifications;
    /** People's names for the pages, from the core (optional: tests and a core without it show login names). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;
    private final PortalTime time;

    /** What a page of the list depends on: members see only their own claims, staff their subtree's. */
    private record PageKey(DataScope scope, ClaimStatus status, String memberUsername, long offset, int limit) {
    }

    /**
     * Recently read pages of the list, as the JSON sent (the work queue is read far more often than claims
     * change): 8 MiB, some 300 pages of 50. Kept under the database's write generation, so any committed
     * write makes them give way, however often the generation moves.
     */
    private final PageCache<PageKey> pages = new PageCache<>(8L << 20);

    /** A decision on a claim: SUBMIT, START_REVIEW, APPROVE (amountFen optional), RETURN, REJECT, RESUBMIT. */
    public record Decision(String action, Long amountFen, String reason) {
    }

    @Activate
    public ClaimService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db) {
        this(db, PortalTime.SYSTEM);
    }

    ClaimService(PortalDatabase db, PortalTime time) {
        this.db = db;
        this.time = time;
    }

    /** Files a claim and answers its id. */
    public long file(ClaimForm form, PortalUser user) {
        ClaimFacts facts = checked(form);
        return db.inTransaction(c -> file(c, form, facts, user)).getKey().id();
    }

    /**
     * Files a claim and answers it in full, as {@link #get} would, in one transaction and without reading the new claim
     * back (a second transaction for the answer cost a new claim about a sixth of its time).
     */
    public Map<String, Object> fileAndShow(ClaimForm form, PortalUser user) {
        ClaimFacts facts = checked(form);
        return shown(db.inTransaction(c -> file(c, form, facts, user)));
    }

    private Map.Entry<Claim, List<ClaimStore.Event>> file(Connection c, ClaimForm form, ClaimFacts facts, PortalUser user)
            throws SQLException {
        EnrolmentStore.EnrolmentView enrolment = enrolmentToClaimOn(c, form.enrolmentId(), user);
        Assessment assessment = assessNew(c, enrolment, facts);
        Map.Entry<Claim, List<ClaimStore.Event>> filed = ClaimStore.file(c, enrolment, facts, form.hospitalOrNull(),
                form.diagnosisOrNull(), assessment, user.username(), form.payee());
        Claim claim = filed.getKey();
        audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", claim.id(), "CREATE", claim.orgPath(), Actor.of(user))
                .changes(Map.of(), auditFields(claim)));
        return filed;
    }

    /**
     * 试算: what filing this form would compute now, by the same checks and rules, without storing anything (the
     * same 4xx answers as filing it).
     */
    public Assessment preview(ClaimForm form, PortalUser user) {
        ClaimFacts facts = checked(form);
        return db.read(c -> assessNew(c, enrolmentToClaimOn(c, form.enrolmentId(), user), facts));
    }

    private ClaimFacts checked(ClaimForm form) {
        if (form == null) {
            throw bodyRequired();
        }
        List<FieldError> problems = form.problems(time.today());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return form.facts();
    }

    /** The checks of a new claim against its cover and earlier claims, then the rules' assessment. */
    private static Assessment assessNew(Connection c, EnrolmentStore.EnrolmentView enrolment, ClaimFacts facts) throws SQLException {
        if (!enrolment.paid() && CLAIMABLE_COVER.contains(enrolment.status())) {
            // its period ended before the fee was recorded: it never gave cover
            throw ProblemException.conflict("cover_not_paid", Text.of(
                    "该保障期间已结束，团体参保费用未缴纳，不能申请理赔。",
                    "This cover's period has ended without the group enrolment's fee being paid; no claim can be filed on it."));
        }
        if (!CLAIMABLE_COVER.contains(enrolment.status())) {
            Text status = EnrolmentService.statusLabel(enrolment.status());
            throw ProblemException.conflict("cover_not_paid", Text.of(
                    "该保障目前" + status.zh() + "，团体参保费用缴纳后才能申请理赔。",
                    "This cover is " + status.en() + "; claims can be filed once the group enrolment's fee is paid."));
        }
        ClaimStore.overlapping(c, enrolment.id(), facts).ifPresent(other -> {
            throw ProblemException.conflict("claim_overlaps", Text.of(
                    "理赔 " + other + " 已申报了这一事件或与之重叠的住院期间。",
                    "Claim " + other + " already covers this event or an overlapping hospital stay."));
        });
        Assessment assessment = ClaimAssessor.assess(c, enrolment, facts, 0);
        rejectInvalid(assessment);
        return assessment;
    }

    /**
     * Where the claim's benefit goes (收款账户), set by the member or their union's operator, or by the reviewers, until
     * the claim is in a payout batch.
     */
    public void setPayee(long id, Payee payee, PortalUser user) {
        db.read(c -> visible(c, id, user)); // the scope before the body
        List<FieldError> problems = payee.problems();
        if (!problems.isEmpty() || !payee.complete()) {
            throw ProblemException.invalid(problems.isEmpty() ? List.of(FieldError.of("bankAccount", "required",
                    "请填写开户银行和银行账号", "is required with the bank")) : problems);
        }
        db.inTransaction(c -> {
            Claim claim = visible(c, id, user);
            Map<String, Object> before = AuditFields.of("payeeBank", claim.payeeBank(), "payeeAccount", Masking.bankAccount(claim.payeeAccount()));
            if (!PAYEE_EDITABLE.contains(claim.status()) || !ClaimStore.setPayee(c, id, payee, PAYEE_EDITABLE)) {
                throw ProblemException.conflict("payee_locked", Text.of(
                        "理赔 " + id + " 当前为“" + claim.status().label().zh() + "”，不能再修改收款账户。",
                        "Claim " + id + " is " + claim.status().label().en().toLowerCase(Locale.ROOT) + "; its account can no longer change."));
            }
            ClaimStore.event(c, id, user.username(), "PAYEE", claim.status(), claim.status(), Masking.bankAccount(payee.account()));
            audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", id, "PAYEE", claim.orgPath(), Actor.of(user))
                    .changes(before, AuditFields.of("payeeBank", payee.bankName(), "payeeAccount", Masking.bankAccount(payee.account()))));
            return null;
        });
    }

    /** A claim's account may change until it goes into a payout batch (a failed transfer brings it back to APPROVED). */
    private static final Set<ClaimStatus> PAYEE_EDITABLE = java.util.EnumSet.of(ClaimStatus.DRAFT, ClaimStatus.SUBMITTED,
            ClaimStatus.UNDER_REVIEW, ClaimStatus.RETURNED, ClaimStatus.APPROVED);

    /**
     * A page of the claims the user may see, newest first, with the total, as JSON. The same page is answered
     * from memory until the next write to the database, unless {@code fresh}.
     */
    public byte[] page(PortalUser user, String statusText, Integer page, Integer size, boolean fresh) {
        ClaimStatus status = status(statusText);
        int limit = Paging.size(size);
        long offset = Paging.offset(page, limit);
        DataScope scope = DataScope.of(user);
        PageKey key = new PageKey(scope, status, isStaff(user) ? null : user.username(), offset, limit);
        // Read before the query: a write committed meanwhile moves the generation, so this page is not kept past it.
        long generation = db.writeGeneration();
        byte[] json = fresh ? null : pages.get(key, generation);
        if (json == null) {
            json = Json.bytes(db.read(c -> {
                Long memberId = ownMemberOnly(c, user);
                return Map.of("total", ClaimStore.count(c, scope, status, memberId),
                        "items", ClaimStore.page(c, scope, status, memberId, offset, limit)
                                .stream().map(ClaimViews::summary).toList());
            }));
            pages.put(key, generation, json);
        }
        return json;
    }

    /** The latest claims of the whole union tree (for the console), of a status when given. */
    public List<ClaimSummary> latest(String statusText, int max) {
        ClaimStatus status = status(statusText);
        return db.read(c -> ClaimStore.page(c, DataScope.subtree("/"), status, null, 0, Math.max(1, Math.min(Paging.MAX_SIZE, max))));
    }

    /** The export's column headers (Chinese: the files go to Chinese offices). */
    public static final List<String> EXPORT_HEADERS = List.of("理赔编号", "姓名", "身份证号", "项目代码", "事件", "事件日期",
            "核算金额(元)", "核定金额(元)", "状态", "提交时间");

    /** Every claim the user may see, as rows of the export: ID numbers masked, no diagnoses. */
    public List<List<Object>> exportRows(PortalUser user, String statusText) {
        ClaimStatus status = status(statusText);
        return db.read(c -> ClaimStore.all(c, DataScope.of(user), status, ownMemberOnly(c, user))).stream()
                .map(cl -> List.<Object>of(cl.id(), cl.memberName(), ExportPurpose.LIST.idNumber(cl.idNumber()), cl.planCode(),
                        cl.eventType().label().zh(), cl.eventDate().toString(), Money.yuan(cl.computedFen()),
                        cl.approvedFen() == null ? "" : Money.yuan(cl.approvedFen()), cl.status().label().zh(),
                        cl.filedAt().toString()))
                .toList();
    }

    /** A claim in full, with its history. */
    public Map<String, Object> get(long id, PortalUser user) {
        return shown(db.read(c -> Map.entry(visible(c, id, user), ClaimStore.events(c, id))));
    }

    /** A claim and its history in full, with people's names (asked for after the module's read: the core answers them). */
    private Map<String, Object> shown(Map.Entry<Claim, List<ClaimStore.Event>> read) {
        return ClaimViews.full(read.getKey(), read.getValue(), new PeopleNames(users)::of);
    }

    /** What the audit trail keeps of a claim. */
    static Map<String, Object> auditFields(Claim claim) {
        return AuditFields.of("status", claim.status().code(), "approvedFen", claim.approvedFen(), "computedFen", claim.computedFen(),
                "reason", claim.reason());
    }

    /** A member's own claims in full (no history), newest first. */
    public List<Map<String, Object>> ofMember(long memberId) {
        return db.read(c -> ClaimStore.ofMember(c, memberId, 500)).stream().map(cl -> ClaimViews.full(cl, List.of())).toList();
    }

    /** Takes a decision on a claim. */
    public void decide(long id, Decision d, PortalUser user) {
        db.inTransaction(c -> {
            // Every decision takes its enrolment's lock first, so decisions queue in one order and
            // the caps are read and used under that one lock.
            Long enrolmentId = ClaimStore.enrolmentIdOf(c, id).orElse(null);
            if (enrolmentId != null) {
                EnrolmentStore.lock(c, enrolmentId);
            }
            Claim claim = visible(c, id, user);
            ClaimAction action = ClaimAction.parse(d.action()).orElseThrow(() -> ProblemException.invalid(List.of(FieldError.of(
                    "action", "invalid_choice", "操作须为 SUBMIT、START_REVIEW、APPROVE、RETURN、REJECT 或 RESUBMIT 之一",
                    "must be SUBMIT, START_REVIEW, APPROVE, RETURN, REJECT or RESUBMIT"))));
            requireActor(user, action);
            if (!action.possibleFrom(claim.status())) {
                throw statusConflict(claim.id(), claim.status(), action);
            }
            switch (action) {
                case APPROVE -> approve(c, claim, user, d);
                case RETURN -> {
                    String reason = reason(d.reason(), Text.of("请说明退回原因，例如缺少哪份材料",
                            "is required: why the claim goes back, e.g. which document is missing"));
                    move(c, claim, user, action, null, null, reason);
                    // A claim can come back more than once; each return is its own reminder.
                    long returns = ClaimStore.events(c, id).stream().filter(e -> "RETURN".equals(e.action())).count();
                    Reminders.enqueue(c, notifications, Reminders.CLAIM_RETURNED, Reminders.dedupKey(Reminders.CLAIM_RETURNED, "claim", id, returns),
                            claim.memberId(), Reminders.claimReturned(claim.memberName(), id, reason));
                }
                case REJECT -> move(c, claim, user, action, null, null,
                        reason(d.reason(), Text.of("请说明不予理赔的原因", "is required: why the claim is rejected")));
                default -> move(c, claim, user, action, null, null, optionalReason(d.reason()));
            }
            audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", id, action.name(), claim.orgPath(), Actor.of(user))
                    .changes(auditFields(claim), auditFields(ClaimStore.byId(c, id).orElseThrow())));
            return null;
        });
    }

    private void approve(Connection c, Claim claim, PortalUser user, Decision d) throws SQLException {
        EnrolmentStore.EnrolmentView enrolment = EnrolmentStore.byId(c, claim.enrolmentId(), time.today()).orElseThrow();
        Assessment assessment = ClaimAssessor.assess(c, enrolment, claim.facts(), claim.id());
        long allowed = assessment.payable() ? assessment.totalFen() : 0;
        if (allowed <= 0) {
            throw ProblemException.conflict("nothing_payable", Text.of(
                    "按规则目前没有可支付的金额（" + reasons(assessment, true) + "）；请不予理赔，或退回修改。",
                    "The rules allow nothing for this claim now (" + reasons(assessment, false)
                            + "); reject it or return it for corrections."));
        }
        long amount = d.amountFen() == null ? allowed : d.amountFen();
        String allowedYuan = Money.yuan(allowed);
        if (amount <= 0 || amount > allowed) {
            throw ProblemException.invalid(List.of(FieldError.of("amountFen", "amount_out_of_range",
                    "核定金额须大于 0 元，且不超过规则目前允许的 " + allowedYuan + " 元",
                    "must be more than 0 and at most " + allowedYuan + " yuan, what the rules allow now")));
        }
        String reason = amount < allowed
                ? reason(d.reason(), Text.of("核定金额低于规则允许的 " + allowedYuan + " 元，请说明原因",
                        "is required: why the amount is lower than the " + allowedYuan + " yuan the rules allow"))
                : optionalReason(d.reason());
        move(c, claim, user, ClaimAction.APPROVE, amount, assessment, reason);
    }

    private static void move(Connection c, Claim claim, PortalUser user, ClaimAction action, Long amount, Assessment assessment,
                             String reason) throws SQLException {
        if (!ClaimStore.transition(c, claim.id(), action.from(), action.to(), amount, assessment, reason)) {
            ClaimStatus now = ClaimStore.byId(c, claim.id()).map(Claim::status).orElse(null);
            throw statusConflict(claim.id(), now, action);
        }
        // The page reads "amount N fen" and shows it in yuan, in the reader's language.
        ClaimStore.event(c, claim.id(), user.username(), action.name(), claim.status(), action.to(),
                amount == null ? reason : "amount " + amount + " fen" + (reason == null ? "" : "; " + reason));
    }

    private static ProblemException statusConflict(long id, ClaimStatus now, ClaimAction action) {
        Text status = now == null ? Text.of("已不存在", "gone") : now.label();
        return ProblemException.conflict("claim_status_changed", Text.of(
                "理赔 " + id + " 当前为“" + status.zh() + "”，不能再" + action.label().zh() + "（可能他人刚刚处理过），请刷新后查看。",
                "Claim " + id + " is " + status.en().toLowerCase(Locale.ROOT) + ", so it cannot " + action.label().en()
                        + " any more (perhaps someone else just decided it); reload the claim."));
    }

    private static void rejectInvalid(Assessment assessment) {
        List<FieldError> invalid = assessment.rejections().stream().filter(r -> Rejection.INVALID_FACTS.equals(r.code()))
                .map(r -> new FieldError("facts", "invalid_facts", Text.of(r.messageZh(), r.messageEn()))).toList();
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
    }

    private static String reasons(Assessment a, boolean chinese) {
        if (a.rejections().isEmpty()) {
            return chinese ? "无可支付项目" : "nothing payable";
        }
        return String.join(chinese ? "；" : "; ",
                a.rejections().stream().map(r -> chinese ? r.messageZh() : r.messageEn()).toList());
    }

    /** The enrolment a claim is filed on: the member's own, or one of the operator's subtree. Otherwise 404. */
    private EnrolmentStore.EnrolmentView enrolmentToClaimOn(Connection c, long enrolmentId, PortalUser user)
            throws SQLException {
        EnrolmentStore.EnrolmentView e = EnrolmentStore.byId(c, enrolmentId, time.today()).orElse(null);
        boolean mine = e != null && user.hasRole(Role.MEMBER)
                && EnrolmentStore.memberIdOfUser(c, user).map(id -> id == e.memberId()).orElse(false);
        boolean staff = e != null && user.hasRole(Role.UNION_OPERATOR) && DataScope.of(user).covers(e.orgPath());
        if (!mine && !staff) {
            throw ProblemException.notFound("enrolment_not_found", Text.of(
                    "没有您可以为其申请理赔的参保记录 " + enrolmentId + "。",
                    "No enrolment " + enrolmentId + " you can file a claim for."));
        }
        return e;
    }

    /** A claim the user may see: members their own, staff those in their subtree. Otherwise 404. */
    public static Claim visible(Connection c, long id, PortalUser user) throws SQLException {
        Claim claim = ClaimStore.byId(c, id).orElse(null);
        if (claim != null) {
            boolean staff = isStaff(user) && DataScope.of(user).covers(claim.orgPath());
            boolean own = user.hasRole(Role.MEMBER)
                    && EnrolmentStore.memberIdOfUser(c, user).map(m -> m == claim.memberId()).orElse(false);
            if (staff || own) {
                return claim;
            }
        }
        throw notFound(id);
    }

    public static ProblemException notFound(long id) {
        return ProblemException.notFound("claim_not_found", Text.of(
                "在您所辖范围内没有编号为 " + id + " 的理赔。", "No claim " + id + " in your part of the union tree."));
    }

    /** For a plain member, only their own claims; staff see their subtree. */
    private static Long ownMemberOnly(Connection c, PortalUser user) throws SQLException {
        if (isStaff(user)) {
            return null;
        }
        return EnrolmentStore.memberIdOfUser(c, user).orElse(-1L);
    }

    private static boolean isStaff(PortalUser user) {
        return user.hasAnyRole(Role.UNION_OPERATOR, Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN);
    }

    private static void requireActor(PortalUser user, ClaimAction action) {
        if (action.actor() == ClaimAction.Actor.REVIEWER && !user.hasAnyRole(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("reviewers_only", Text.of(
                    "理赔由区总工会或市总工会的工作人员审核。", "Claims are reviewed by district or city staff."));
        }
        if (action.actor() == ClaimAction.Actor.FILER && !user.hasAnyRole(Role.MEMBER, Role.UNION_OPERATOR)) {
            throw ProblemException.forbidden("filers_only", Text.of(
                    "草稿和退回的理赔由会员本人或所在工会的经办人提交。",
                    "A draft or a returned claim is sent by the member or their union's operator."));
        }
    }

    /** A required reason, at most {@value #MAX_REASON} characters; {@code what} says why it is needed. */
    private static String reason(String reason, Text what) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "required", what)));
        }
        return optionalReason(reason);
    }

    private static String optionalReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid(List.of(FieldError.of("reason", "too_long", "最多 " + MAX_REASON + " 个字",
                    "must be at most " + MAX_REASON + " characters")));
        }
        return reason.strip();
    }

    static ProblemException bodyRequired() {
        return ProblemException.badRequest("body_required", Text.of("请求缺少内容（JSON）。", "The request has no content (JSON)."));
    }

    /** A status filter: none when blank, 400 when it names no status. */
    static ClaimStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown_status", Text.of("没有“" + text.strip() + "”这种理赔状态。",
                    "There is no claim status " + text.strip() + "."));
        }
    }
}
