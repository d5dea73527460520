package org.unionportal.hardshipaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.security.UserDirectory;
import org.osgi.service.metatype.annotations.Designate;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.approval.SecondPerson;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.ApprovalStatus;
import org.unionportal.hardshipaid.internal.rules.SafetyNet;
import org.unionportal.hardshipaid.internal.rules.HistoryStep;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore.Award;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore.Expense;

/**
 * The medical safety net (医疗兜底): a household's medical costs and reimbursements over the year; when what is
 * left to pay exceeds the threshold, the excess is proposed, approved by a second person and paid.
 */
@Component(service = SafetyNetService.class, configurationPid = SafetyNetConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SafetyNetConfig.class)
public class SafetyNetService {
    static final long MAX_COST_FEN = 1_000_000_000L; // 10 million yuan: anything above is a typo

    private final PortalDatabase db;
    private final PortalTime time;
    private volatile long thresholdFen;
    /** Expenses, awards and decisions are in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;

    public record ExpenseForm(Long memberId, LocalDate date, String hospital, Long totalFen, Long reimbursedFen, String note) {
    }

    public record HouseholdYear(long householdId, String headName, String certificateNo, int year, long totalFen,
            long reimbursedFen, long selfPayFen, long thresholdFen, long excessFen, long awardedFen, long dueFen) {
    }

    /** {@code people}: the names of who recorded, proposed and decided (login name → name). */
    public record Case(long householdId, String headName, int year, List<Expense> expenses, SafetyNet.Calculation calculation,
            List<Award> awards, Map<String, String> people) {
    }

    /** The award's note columns (HA_SAFETY_NET_AWARD): longer is a field error, never a database refusal. */
    static final int NOTE_MAX = 400;

    public record Note(String note) {
    }

    public record Decision(String action, String note) {
    }

    /** People's names for the pages, from the core (optional: tests show login names). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;

    @Activate
    public SafetyNetService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db,
            SafetyNetConfig config) {
        this(db, PortalTime.SYSTEM, thresholdOf(config));
    }

    SafetyNetService(PortalDatabase db, PortalTime time, long thresholdFen) {
        this.db = db;
        this.time = time;
        this.thresholdFen = thresholdFen;
    }

    @Modified
    void configure(SafetyNetConfig config) {
        thresholdFen = thresholdOf(config);
    }

    private static long thresholdOf(SafetyNetConfig config) {
        return Money.ofYuan(Math.max(0, config.safetyNet_thresholdYuan()));
    }

    public List<HouseholdYear> list(PortalUser user, Integer year) {
        int y = year == null ? time.year() : year;
        long threshold = thresholdFen;
        return db.read(c -> {
            List<HouseholdYear> out = new ArrayList<>();
            for (SafetyNetStore.Household h : SafetyNetStore.householdsWithCosts(c, DataScope.of(user), y)) {
                SafetyNet.Calculation calc = calculation(c, h.id(), y, threshold);
                out.add(new HouseholdYear(h.id(), h.headName(), h.certificateNo(), y, calc.totalFen(), calc.reimbursedFen(),
                        calc.selfPayFen(), calc.thresholdFen(), calc.excessFen(), calc.awardedFen(), calc.dueFen()));
            }
            return out;
        });
    }

    public Case get(PortalUser user, long householdId, int year) {
        Problems.checkYear(year);
        long threshold = thresholdFen;
        return db.read(c -> {
            HouseholdStore.Summary h = HouseholdService.visible(c, householdId, DataScope.of(user));
            List<Expense> expenses = SafetyNetStore.expenses(c, householdId, year);
            List<Award> awards = SafetyNetStore.awards(c, householdId, year);
            List<String> who = new java.util.ArrayList<>();
            expenses.forEach(e -> who.add(e.recordedBy()));
            awards.forEach(a -> {
                who.add(a.proposedBy());
                who.add(a.decidedBy());
            });
            return new Case(householdId, h.headName(), year, expenses, calculation(c, householdId, year, threshold), awards,
                    People.of(users, who));
        });
    }

    public Expense record(PortalUser user, long householdId, ExpenseForm f) {
        db.read(c -> HouseholdService.visible(c, householdId, DataScope.of(user))); // the scope before the body
        LocalDate today = time.today();
        Validation v = new Validation();
        v.require(f != null && f.memberId() != null, "memberId", "required", Text.of("请选择就医的家庭成员", "Choose the member treated"));
        v.require(f != null && f.date() != null && !f.date().isAfter(today) && f.date().getYear() >= today.getYear() - 2, "date",
                "invalid_date", Text.of("就医（结算）日期不能晚于今天，也不能早于 " + (today.getYear() - 2) + " 年",
                        "The day of treatment cannot be after today or before " + (today.getYear() - 2)));
        v.requireText(f == null ? null : f.hospital(), "hospital", 120);
        v.require(f != null && f.totalFen() != null && f.totalFen() > 0 && f.totalFen() <= MAX_COST_FEN, "totalFen", "invalid_amount",
                Text.of("医疗总费用应大于 0、不超过 " + Money.withUnit(MAX_COST_FEN), "The total must be above 0 and at most "
                        + Money.yuan(MAX_COST_FEN) + " CNY"));
        v.require(f != null && f.reimbursedFen() != null && f.reimbursedFen() >= 0, "reimbursedFen", "invalid_amount",
                Text.of("报销金额应为 0 或正数", "The reimbursed amount must be 0 or more"));
        v.require(f == null || f.totalFen() == null || f.reimbursedFen() == null || f.reimbursedFen() <= f.totalFen(), "reimbursedFen",
                "above_total", Text.of("报销金额不能超过医疗总费用", "The reimbursed amount cannot exceed the total"));
        v.maxLength(f == null ? null : f.note(), "note", 400);
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            HouseholdStore.Summary h = HouseholdService.visible(c, householdId, DataScope.of(user));
            if (!h.status().everOnFile()) {
                throw Problems.wrongState("household_not_on_file", "只有在档（或曾在档）的困难家庭可以登记医疗费用兜底",
                        "Only households on file (now or before) get the safety net", h.status());
            }
            if (!HouseholdStore.hasMember(c, householdId, f.memberId())) {
                throw ProblemException.invalid(List.of(ProblemException.FieldError.of("memberId", "not_a_member", "该成员不属于这户家庭",
                        "The member is not of this household")));
            }
            long id = SafetyNetStore.insertExpense(c, householdId, f.memberId(), f.date(), f.hospital().strip(), f.totalFen(),
                    f.reimbursedFen(), Problems.blankToNull(f.note()), user.username(), time.now());
            audit.record(c, Audit.entry("expense", id, "CREATE", h.orgPath(), user).changes(Map.of(), AuditFields.of("householdId", householdId,
                    "memberId", f.memberId(), "date", f.date().toString(), "totalFen", f.totalFen(), "reimbursedFen", f.reimbursedFen())));
            return SafetyNetStore.expenses(c, householdId, f.date().getYear()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    public Award propose(PortalUser user, long householdId, int year, Note note) {
        Problems.checkYear(year);
        new Validation().maxLength(note == null ? null : note.note(), "note", NOTE_MAX).throwIfInvalid();
        long threshold = thresholdFen;
        return db.inTransaction(c -> {
            HouseholdStore.lock(c, householdId);
            HouseholdStore.Summary h = HouseholdService.visible(c, householdId, DataScope.of(user));
            if (SafetyNetStore.hasProposed(c, householdId, year)) {
                throw ProblemException.conflict("award_pending", Text.of("这户家庭 " + year + " 年已有待审批的兜底申请，请先审批",
                        "The household already has a safety-net award of " + year + " awaiting approval"));
            }
            SafetyNet.Calculation calc = calculation(c, householdId, year, threshold);
            if (calc.dueFen() <= 0) {
                throw ProblemException.conflict("nothing_due", Text.of("无需兜底：" + String.join("；", calc.stepsZh()),
                        "Nothing is due: " + String.join("; ", calc.stepsEn())));
            }
            long id = SafetyNetStore.propose(c, householdId, year, calc.dueFen(), String.join("；", calc.stepsZh()), user.username(),
                    time.now(), note == null ? null : Problems.blankToNull(note.note()));
            HouseholdStore.history(c, householdId, user.username(), HistoryStep.safetyNetProposed(year, calc.dueFen()));
            Award proposed = SafetyNetStore.award(c, id).orElseThrow();
            audit.record(c, Audit.entry("award", id, "PROPOSE", h.orgPath(), user).changes(Map.of(), Audit.of(proposed)));
            return proposed;
        });
    }

    /** A second person approves or rejects the proposal (maker-checker). */
    public Award decide(PortalUser user, long id, Decision d) {
        db.read(c -> visibleAward(c, id, user)); // the scope before the body
        new Validation().require(d != null && ("APPROVE".equals(d.action()) || "REJECT".equals(d.action())), "action", "unknown_action",
                Text.of("action 应为 APPROVE（批准兜底）或 REJECT（不予兜底）", "action must be APPROVE or REJECT"))
                .maxLength(d == null ? null : d.note(), "note", NOTE_MAX).throwIfInvalid();
        return db.inTransaction(c -> {
            Award a = lockedAward(c, id, user);
            if (a.status() != ApprovalStatus.PROPOSED) {
                throw Problems.wrongState("award_decided", "兜底申请 " + id + " 已处理", "Safety-net award " + id + " is decided already", a.status());
            }
            SecondPerson.require(true, a.proposedBy(), user, Text.of("兜底申请须由另一位工作人员审批",
                    "Someone other than " + a.proposedBy() + " approves the award"));
            boolean approve = "APPROVE".equals(d.action());
            SafetyNetStore.decide(c, id, approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, user.username(), time.now(),
                    Problems.blankToNull(d.note()));
            HouseholdStore.history(c, a.householdId(), user.username(), HistoryStep.safetyNetDecided(a.year(), a.amountFen(), approve));
            return recorded(c, user, d.action(), a);
        });
    }

    public Award paid(PortalUser user, long id) {
        return db.inTransaction(c -> {
            Award a = lockedAward(c, id, user);
            if (a.status() != ApprovalStatus.APPROVED) {
                throw Problems.wrongState("award_not_approved", "只有已批准的兜底可以登记支付", "Only an approved award can be paid", a.status());
            }
            SafetyNetStore.paid(c, id, time.now());
            HouseholdStore.history(c, a.householdId(), user.username(), HistoryStep.safetyNetPaid(a.year(), a.amountFen()));
            return recorded(c, user, "PAID", a);
        });
    }

    /** Records the decision on the award (its household's organisation) and answers the award as it is now. */
    private Award recorded(Connection c, PortalUser user, String action, Award before) throws SQLException {
        Award after = SafetyNetStore.award(c, before.id()).orElseThrow();
        String orgPath = HouseholdStore.find(c, before.householdId()).orElseThrow().orgPath();
        audit.record(c, Audit.entry("award", before.id(), action, orgPath, user).changes(Audit.of(before), Audit.of(after)));
        return after;
    }

    private static Award lockedAward(Connection c, long id, PortalUser user) throws SQLException {
        SafetyNetStore.lockAward(c, id);
        return visibleAward(c, id, user);
    }

    /** The award is as visible as its household, and answered the same way when it is not. */
    private static Award visibleAward(Connection c, long id, PortalUser user) throws SQLException {
        Award a = SafetyNetStore.award(c, id).orElseThrow(() -> ProblemException.notFound("award_not_found", Problems.awardNotFound(id)));
        if (HouseholdStore.find(c, a.householdId()).filter(h -> DataScope.of(user).covers(h.orgPath())).isEmpty()) {
            throw ProblemException.notFound("award_not_found", Problems.awardNotFound(id));
        }
        return a;
    }

    static SafetyNet.Calculation calculation(Connection c, long householdId, int year, long threshold) throws SQLException {
        return SafetyNet.calculate(SafetyNetStore.costs(c, householdId, year), threshold, SafetyNetStore.awardedFen(c, householdId, year));
    }
}
