package org.unionportal.hardshipaid.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.hardshipaid.internal.rules.SafetyNet;
import org.unionportal.hardshipaid.internal.rules.Yuan;
import org.unionportal.hardshipaid.internal.store.Codes;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;

/**
 * The medical safety net (医疗兜底): a household's medical costs and reimbursements over the year; when what is
 * left to pay exceeds the threshold, the excess is proposed, approved by a second person and paid.
 */
@Component(service = SafetyNetResource.class, configurationPid = SafetyNetConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SafetyNetConfig.class)
@PortalResource
@Path("/hardship-aid/safety-net")
@Produces(MediaType.APPLICATION_JSON)
public class SafetyNetResource {
    static final long MAX_COST_FEN = 1_000_000_000L; // 10 million yuan: anything above is a typo

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    private volatile long thresholdFen = 300_000L;

    public record Expense(long id, long memberId, String memberName, LocalDate date, String hospital, long totalFen,
            long reimbursedFen, long selfPayFen, String note, String recordedBy) {
    }

    public record ExpenseForm(Long memberId, LocalDate date, String hospital, Long totalFen, Long reimbursedFen, String note) {
    }

    public record Award(long id, long householdId, int year, long amountFen, String status, String calculationZh, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt, Instant paidAt, String note) {
    }

    public record HouseholdYear(long householdId, String headName, String certificateNo, int year, long totalFen,
            long reimbursedFen, long selfPayFen, long thresholdFen, long excessFen, long awardedFen, long dueFen) {
    }

    public record Case(long householdId, String headName, int year, List<Expense> expenses, SafetyNet.Calculation calculation,
            List<Award> awards) {
    }

    public record Note(String note) {
    }

    public record Decision(String action, String note) {
    }

    @Activate
    @Modified
    void configure(SafetyNetConfig config) {
        thresholdFen = Math.max(0, (long) config.safetyNet_thresholdYuan()) * 100;
    }

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public List<HouseholdYear> list(@QueryParam("year") Integer year, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        int y = year == null ? Scope.today().getYear() : year;
        long threshold = thresholdFen;
        return db.read(c -> {
            List<HouseholdYear> out = new ArrayList<>();
            for (Object[] r : Jdbc.list(c, "SELECT H.ID, H.HEAD_NAME, H.CERTIFICATE_NO FROM HA_HOUSEHOLD H WHERE H.ORG_PATH LIKE ? AND "
                    + "EXISTS (SELECT 1 FROM HA_MEDICAL_EXPENSE E WHERE E.HOUSEHOLD_ID = H.ID AND E.EXPENSE_DATE BETWEEN ? AND ?) "
                    + "ORDER BY H.ID", rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, user.subtreePattern(),
                    LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))) {
                SafetyNet.Calculation calc = calculation(c, (Long) r[0], y, threshold);
                out.add(new HouseholdYear((Long) r[0], (String) r[1], (String) r[2], y, calc.totalFen(), calc.reimbursedFen(),
                        calc.selfPayFen(), calc.thresholdFen(), calc.excessFen(), calc.awardedFen(), calc.dueFen()));
            }
            return out;
        });
    }

    @GET
    @Path("/{householdId}/{year}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Case get(@PathParam("householdId") long householdId, @PathParam("year") int year, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        checkYear(year);
        return db.read(c -> caseOf(c, householdId, year, user));
    }

    @POST
    @Path("/{householdId}/expenses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response record(@PathParam("householdId") long householdId, ExpenseForm f, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        LocalDate today = Scope.today();
        Validation v = new Validation();
        v.require(f != null && f.memberId() != null, "memberId", "请选择就医的家庭成员");
        v.require(f != null && f.date() != null && !f.date().isAfter(today) && f.date().getYear() >= today.getYear() - 2, "date",
                "就医（结算）日期不能晚于今天，也不能早于 " + (today.getYear() - 2) + " 年");
        v.requireText(f == null ? null : f.hospital(), "hospital", 120);
        v.require(f != null && f.totalFen() != null && f.totalFen() > 0 && f.totalFen() <= MAX_COST_FEN, "totalFen",
                "医疗总费用应大于 0，单位为分");
        v.require(f != null && f.reimbursedFen() != null && f.reimbursedFen() >= 0, "reimbursedFen", "报销金额应为 0 或正数，单位为分");
        v.require(f == null || f.totalFen() == null || f.reimbursedFen() == null || f.reimbursedFen() <= f.totalFen(), "reimbursedFen",
                "报销金额不能超过医疗总费用 (reimbursed cannot exceed the total)");
        v.require(f == null || f.note() == null || f.note().length() <= 400, "note", "最多 400 字");
        v.throwIfInvalid();
        Expense e = db.inTransaction(c -> {
            HouseholdStore.Summary h = HouseholdsResource.existing(c, householdId, user);
            if (!Codes.ON_FILE.equals(h.status()) && !Codes.LEFT.equals(h.status())) {
                throw ProblemException.conflict("只有在档（或曾在档）的困难家庭可以登记医疗费用兜底.");
            }
            if (Jdbc.count(c, "SELECT COUNT(*) FROM HA_MEMBER WHERE ID = ? AND HOUSEHOLD_ID = ?", f.memberId(), householdId) == 0) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldError("memberId", "该成员不属于这户家庭")));
            }
            long id = Jdbc.insert(c, "INSERT INTO HA_MEDICAL_EXPENSE (HOUSEHOLD_ID, MEMBER_ID, EXPENSE_DATE, HOSPITAL, TOTAL_FEN, "
                    + "REIMBURSED_FEN, NOTE, RECORDED_BY, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", householdId, f.memberId(),
                    f.date(), f.hospital().strip(), f.totalFen(), f.reimbursedFen(), f.note() == null || f.note().isBlank() ? null
                            : f.note().strip(), user.username(), Instant.now());
            return expenses(c, householdId, f.date().getYear()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
        return Response.status(201).entity(e).build();
    }

    @POST
    @Path("/{householdId}/{year}/awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response propose(@PathParam("householdId") long householdId, @PathParam("year") int year, Note note,
            @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        checkYear(year);
        long threshold = thresholdFen;
        Award award = db.inTransaction(c -> {
            HouseholdStore.lock(c, householdId);
            HouseholdsResource.existing(c, householdId, user);
            if (Jdbc.count(c, "SELECT COUNT(*) FROM HA_SAFETY_NET_AWARD WHERE HOUSEHOLD_ID = ? AND AWARD_YEAR = ? AND STATUS = 'PROPOSED'",
                    householdId, year) > 0) {
                throw ProblemException.conflict("这户家庭 " + year + " 年已有待审批的兜底申请，请先审批.");
            }
            SafetyNet.Calculation calc = calculation(c, householdId, year, threshold);
            if (calc.dueFen() <= 0) {
                throw ProblemException.conflict("无需兜底：" + String.join("；", calc.stepsZh()) + ".");
            }
            long id = Jdbc.insert(c, "INSERT INTO HA_SAFETY_NET_AWARD (HOUSEHOLD_ID, AWARD_YEAR, AMOUNT_FEN, STATUS, CALCULATION, "
                    + "PROPOSED_BY, PROPOSED_AT, NOTE) VALUES (?, ?, ?, 'PROPOSED', ?, ?, ?, ?)", householdId, year, calc.dueFen(),
                    String.join("；", calc.stepsZh()), user.username(), Instant.now(),
                    note == null || note.note() == null || note.note().isBlank() ? null : note.note().strip());
            HouseholdStore.history(c, householdId, user.username(), "SAFETY_NET", year + " 年医疗兜底申请 " + Yuan.text(calc.dueFen()) + " 元");
            return award(c, id).orElseThrow();
        });
        return Response.status(201).entity(award).build();
    }

    @POST
    @Path("/awards/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Award decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        new Validation().require(d != null && ("APPROVE".equals(d.action()) || "REJECT".equals(d.action())), "action",
                "action 应为 APPROVE（批准兜底）或 REJECT（不予兜底）").throwIfInvalid();
        return db.inTransaction(c -> {
            Award a = lockedAward(c, id, user);
            if (!"PROPOSED".equals(a.status())) {
                throw ProblemException.conflict("兜底申请 " + id + " 已处理（" + a.status() + "）.");
            }
            if (a.proposedBy().equals(user.username())) {
                throw ProblemException.forbidden("兜底申请须由另一位工作人员审批 (someone other than " + a.proposedBy() + " approves it).");
            }
            Jdbc.update(c, "UPDATE HA_SAFETY_NET_AWARD SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, NOTE = COALESCE(?, NOTE) WHERE ID = ?",
                    "APPROVE".equals(d.action()) ? "APPROVED" : "REJECTED", user.username(), Instant.now(),
                    d.note() == null || d.note().isBlank() ? null : d.note().strip(), id);
            HouseholdStore.history(c, a.householdId(), user.username(), "SAFETY_NET", a.year() + " 年医疗兜底 " + Yuan.text(a.amountFen())
                    + " 元：" + ("APPROVE".equals(d.action()) ? "批准" : "不予兜底"));
            return award(c, id).orElseThrow();
        });
    }

    @POST
    @Path("/awards/{id}/paid")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Award paid(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.inTransaction(c -> {
            Award a = lockedAward(c, id, user);
            if (!"APPROVED".equals(a.status())) {
                throw ProblemException.conflict("只有已批准的兜底可以登记支付（当前为 " + a.status() + "）.");
            }
            Jdbc.update(c, "UPDATE HA_SAFETY_NET_AWARD SET STATUS = 'PAID', PAID_AT = ? WHERE ID = ?", Instant.now(), id);
            HouseholdStore.history(c, a.householdId(), user.username(), "SAFETY_NET", a.year() + " 年医疗兜底 " + Yuan.text(a.amountFen())
                    + " 元已支付");
            return award(c, id).orElseThrow();
        });
    }

    private Award lockedAward(Connection c, long id, PortalUser user) throws SQLException {
        Jdbc.update(c, "UPDATE HA_SAFETY_NET_AWARD SET STATUS = STATUS WHERE ID = ?", id);
        Award a = award(c, id).orElseThrow(() -> ProblemException.notFound("没有编号为 " + id + " 的兜底申请."));
        HouseholdsResource.existing(c, a.householdId(), user);
        return a;
    }

    private Case caseOf(Connection c, long householdId, int year, PortalUser user) throws SQLException {
        HouseholdStore.Summary h = HouseholdsResource.existing(c, householdId, user);
        return new Case(householdId, h.headName(), year, expenses(c, householdId, year), calculation(c, householdId, year, thresholdFen),
                Jdbc.list(c, "SELECT " + AWARD_COLUMNS + " FROM HA_SAFETY_NET_AWARD WHERE HOUSEHOLD_ID = ? AND AWARD_YEAR = ? ORDER BY ID",
                        SafetyNetResource::award, householdId, year));
    }

    static SafetyNet.Calculation calculation(Connection c, long householdId, int year, long threshold) throws SQLException {
        List<SafetyNet.Cost> costs = Jdbc.list(c, "SELECT TOTAL_FEN, REIMBURSED_FEN FROM HA_MEDICAL_EXPENSE WHERE HOUSEHOLD_ID = ? "
                + "AND EXPENSE_DATE BETWEEN ? AND ?", rs -> new SafetyNet.Cost(rs.getLong(1), rs.getLong(2)), householdId,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        long awarded = Jdbc.one(c, "SELECT COALESCE(SUM(AMOUNT_FEN), 0) FROM HA_SAFETY_NET_AWARD WHERE HOUSEHOLD_ID = ? AND AWARD_YEAR = ? "
                + "AND STATUS IN ('APPROVED', 'PAID', 'PROPOSED')", rs -> rs.getLong(1), householdId, year).orElse(0L);
        return SafetyNet.calculate(costs, threshold, awarded);
    }

    static List<Expense> expenses(Connection c, long householdId, int year) throws SQLException {
        return Jdbc.list(c, "SELECT E.ID, E.MEMBER_ID, M.NAME, E.EXPENSE_DATE, E.HOSPITAL, E.TOTAL_FEN, E.REIMBURSED_FEN, E.NOTE, "
                + "E.RECORDED_BY FROM HA_MEDICAL_EXPENSE E JOIN HA_MEMBER M ON M.ID = E.MEMBER_ID WHERE E.HOUSEHOLD_ID = ? AND "
                + "E.EXPENSE_DATE BETWEEN ? AND ? ORDER BY E.EXPENSE_DATE, E.ID", rs -> new Expense(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(6) - rs.getLong(7),
                rs.getString(8), rs.getString(9)), householdId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    static final String AWARD_COLUMNS = "ID, HOUSEHOLD_ID, AWARD_YEAR, AMOUNT_FEN, STATUS, CALCULATION, PROPOSED_BY, PROPOSED_AT, "
            + "DECIDED_BY, DECIDED_AT, PAID_AT, NOTE";

    static java.util.Optional<Award> award(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + AWARD_COLUMNS + " FROM HA_SAFETY_NET_AWARD WHERE ID = ?", SafetyNetResource::award, id);
    }

    static Award award(java.sql.ResultSet rs) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp(10);
        java.sql.Timestamp paid = rs.getTimestamp(11);
        return new Award(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9), decided == null ? null : decided.toInstant(),
                paid == null ? null : paid.toInstant(), rs.getString(12));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("year must be a year like 2026.");
        }
    }
}
