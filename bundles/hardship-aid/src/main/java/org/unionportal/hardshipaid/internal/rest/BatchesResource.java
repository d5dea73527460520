package org.unionportal.hardshipaid.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.Masking;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.hardshipaid.internal.rules.BatchKind;
import org.unionportal.hardshipaid.internal.rules.Entitlement;
import org.unionportal.hardshipaid.internal.rules.Entitlements;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.rules.Period;
import org.unionportal.hardshipaid.internal.rules.Yuan;
import org.unionportal.hardshipaid.internal.store.BatchStore;
import org.unionportal.hardshipaid.internal.store.BatchStore.Batch;
import org.unionportal.hardshipaid.internal.store.BatchStore.Payable;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.hardshipaid.internal.store.StandardStore;

/**
 * Payment batches (发放): generate for a period (a preview to approve or discard), approve, the bank and love-card
 * files, the bank's result (failed transfers) and their reissue. Generation runs under a table lock and a unique
 * key per household, item, period and child, so nothing is paid twice however often or concurrently it runs.
 */
@Component(service = BatchesResource.class)
@PortalResource
@Path("/hardship-aid/batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchesResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    public record Generate(String kind, String period) {
    }

    public record Failure(Long lineId, String reason) {
    }

    public record Result(List<Failure> failed) {
    }

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public List<Batch> list(@Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.read(c -> BatchStore.list(c, user.subtreePattern()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response generate(Generate g, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        BatchKind kind = g == null ? null : BatchKind.parse(g.kind()).filter(k -> k != BatchKind.REISSUE).orElse(null);
        Validation v = new Validation();
        v.require(kind != null, "kind", "请选择发放类型：QUARTER, SCHOOL_YEAR, MEDICAL, HOLIDAYS, SUMMER 或 ONE_OFF_PRICE"
                + "（失败重发在批次中操作）");
        Period period = kind == null ? null : Period.of(kind, g.period()).orElse(null);
        v.require(kind == null || period != null, "period", "期间格式应如 " + (kind == null ? "2026" : Period.format(kind))
                + (kind == BatchKind.QUARTER ? "（年份加季度）" : "（年份）"));
        v.throwIfInvalid();
        Batch generated = db.inTransaction(c -> generate(c, period, user));
        return Response.status(201).entity(generated).build();
    }

    /** Generates the batch of a period for the user's subtree; public for the benchmark and the shell. */
    public static Batch generate(Connection c, Period period, PortalUser user) throws SQLException {
        // One generation at a time: the second waits, then sees what the first wrote and pays only the rest.
        Jdbc.update(c, "LOCK TABLE HA_PAYMENT IN EXCLUSIVE MODE");
        int schoolYear = period.kind() == BatchKind.SCHOOL_YEAR ? Integer.parseInt(period.key()) : -1;
        Entitlements.Result result = Entitlements.of(period,
                HouseholdStore.facts(c, user.subtreePattern(), period.dueDate(), schoolYear), StandardStore.approved(c));
        Set<String> paid = BatchStore.existingKeys(c, period);
        List<Entitlement> fresh = result.payments().stream()
                .filter(e -> !paid.contains(BatchStore.key(e.householdId(), e.item().name(), e.periodKey(), e.beneficiaryId())))
                .toList();
        if (fresh.isEmpty()) {
            List<Long> batches = BatchStore.batchesPaying(c, period, user.subtreePattern());
            String warnings = result.warnings().isEmpty() ? "" : " " + String.join(" ", result.warnings());
            throw ProblemException.conflict(batches.isEmpty()
                    ? "没有需要发放的家庭：到应发日 " + period.dueDate() + " 在档且符合条件的家庭为 0 (nothing to pay for " + period.key()
                            + ")." + warnings
                    : "该期间的款项已由批次 " + batches + " 发放或正在发放，没有新增需要发放的家庭 (batch " + batches + " already pays "
                            + period.key() + "; nothing new to pay)." + warnings);
        }
        long id = BatchStore.insertBatch(c, period.kind().name(), period.key(), user.orgPath(), period.dueDate(), null,
                user.username());
        BatchStore.insertLines(c, id, period.dueDate(), fresh);
        Batch batch = BatchStore.find(c, id, user.subtreePattern()).orElseThrow();
        return batch.withLines(lines(c, id)).withWarnings(result.warnings());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Batch get(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.read(c -> existing(c, id, user).withLines(lines(c, id)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response discard(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        db.inTransaction(c -> {
            lock(c, id);
            Batch b = existing(c, id, user);
            requireStatus(b, "DRAFT", "只有待审批的批次可以作废");
            if (b.reissueOf() != null) {
                Jdbc.update(c, "UPDATE HA_PAYMENT SET REISSUED_IN = NULL WHERE REISSUED_IN = ?", id);
            }
            Jdbc.update(c, "DELETE FROM HA_PAYMENT WHERE BATCH_ID = ?", id);
            Jdbc.update(c, "DELETE FROM HA_BATCH WHERE ID = ?", id);
            return null;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Batch approve(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.inTransaction(c -> {
            lock(c, id);
            requireStatus(existing(c, id, user), "DRAFT", "只有待审批的批次可以审批");
            Jdbc.update(c, "UPDATE HA_BATCH SET STATUS = 'APPROVED', APPROVED_BY = ?, APPROVED_AT = ? WHERE ID = ?", user.username(),
                    Instant.now(), id);
            Jdbc.update(c, "UPDATE HA_PAYMENT SET STATUS = 'APPROVED' WHERE BATCH_ID = ?", id);
            return existing(c, id, user).withLines(lines(c, id));
        });
    }

    @GET
    @Path("/{id}/bank-file")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response bankFile(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        return channelFile(id, format, "BANK", context);
    }

    @GET
    @Path("/{id}/love-card-file")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response loveCardFile(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        return channelFile(id, format, "LOVE_CARD", context);
    }

    /** The transfer file of one channel: full account numbers, since the bank and the supermarket need them. */
    private Response channelFile(long id, String format, String channel, SecurityContext context) {
        PortalUser user = Scope.user(context);
        List<List<Object>> rows = db.read(c -> {
            Batch b = existing(c, id, user);
            if ("DRAFT".equals(b.status())) {
                throw ProblemException.conflict("批次 " + id + " 尚未审批，审批后才能导出发放文件 (approve the batch first).");
            }
            List<List<Object>> out = new ArrayList<>();
            for (Payable p : BatchStore.lines(c, id)) {
                if (!channel.equals(p.line().channel())) {
                    continue;
                }
                List<Object> row = new ArrayList<>();
                row.add(out.size() + 1);
                row.add(p.line().headName());
                if ("BANK".equals(channel)) {
                    row.add(p.bank() == null ? "" : p.bank());
                }
                row.add(p.account() == null ? "" : p.account());
                row.add(Yuan.exact(p.line().amountFen()));
                row.add("HA-" + id + "-" + p.line().id() + " " + Item.valueOf(p.line().item()).zh() + " " + p.line().period());
                out.add(row);
            }
            return out;
        });
        List<String> headers = "BANK".equals(channel) ? List.of("序号", "户主姓名", "开户银行", "银行账号", "金额(元)", "附言")
                : List.of("序号", "户主姓名", "爱心卡号", "金额(元)", "附言");
        return Scope.file(format, "hardship-batch-" + id + ("BANK".equals(channel) ? "-bank" : "-love-card"), headers, rows);
    }

    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response export(@PathParam("id") long id, @QueryParam("format") String format, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        List<List<Object>> rows = db.read(c -> {
            existing(c, id, user);
            List<List<Object>> out = new ArrayList<>();
            for (Payable p : BatchStore.lines(c, id)) {
                BatchStore.Line l = p.line();
                out.add(java.util.Arrays.asList(l.id(), l.householdId(), l.headName(), l.certificateNo(), Item.valueOf(l.item()).zh(),
                        l.period(), l.beneficiary(), Yuan.exact(l.amountFen()), "BANK".equals(l.channel()) ? "银行转账" : "爱心卡",
                        Masking.idNumber(p.account()), l.status(), l.failureReason(), l.explanation()));
            }
            return out;
        });
        return Scope.file(format, "hardship-batch-" + id, List.of("行号", "户编号", "户主", "优惠证号", "项目", "期间", "受助子女",
                "金额(元)", "渠道", "账号", "状态", "失败原因", "说明"), rows);
    }

    @POST
    @Path("/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Batch result(@PathParam("id") long id, Result r, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        List<Failure> failed = r == null || r.failed() == null ? List.of() : r.failed();
        Validation v = new Validation();
        for (int i = 0; i < failed.size(); i++) {
            Failure f = failed.get(i);
            v.require(f != null && f.lineId() != null, "failed[" + i + "].lineId", "请指明失败的行 (the line id)");
            v.require(f != null && f.reason() != null && !f.reason().isBlank() && f.reason().length() <= 400, "failed[" + i + "].reason",
                    "请写明失败原因，如“账户已销户”（400 字以内）");
        }
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            lock(c, id);
            requireStatus(existing(c, id, user), "APPROVED", "只有已审批的批次可以登记发放结果");
            Map<Long, String> reasons = new HashMap<>();
            failed.forEach(f -> reasons.put(f.lineId(), f.reason().strip()));
            for (Map.Entry<Long, String> f : reasons.entrySet()) {
                if (Jdbc.update(c, "UPDATE HA_PAYMENT SET STATUS = 'FAILED', FAILURE_REASON = ? WHERE ID = ? AND BATCH_ID = ?",
                        f.getValue(), f.getKey(), id) != 1) {
                    throw ProblemException.invalid(List.of(new ProblemException.FieldError("failed",
                            "批次 " + id + " 中没有第 " + f.getKey() + " 行 (no such line in this batch)")));
                }
            }
            Jdbc.update(c, "UPDATE HA_PAYMENT SET STATUS = 'PAID' WHERE BATCH_ID = ? AND STATUS = 'APPROVED'", id);
            Jdbc.update(c, "UPDATE HA_BATCH SET STATUS = 'CLOSED', CLOSED_BY = ?, CLOSED_AT = ? WHERE ID = ?", user.username(),
                    Instant.now(), id);
            return existing(c, id, user).withLines(lines(c, id));
        });
    }

    @POST
    @Path("/{id}/reissue")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response reissue(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Batch created = db.inTransaction(c -> {
            lock(c, id);
            Batch b = existing(c, id, user);
            requireStatus(b, "CLOSED", "登记发放结果后才能重发失败的款项");
            List<Payable> failed = BatchStore.lines(c, id).stream()
                    .filter(p -> "FAILED".equals(p.line().status()) && p.line().reissuedInBatchId() == null).toList();
            if (failed.isEmpty()) {
                throw ProblemException.conflict("批次 " + id + " 没有待重发的失败款项 (no failed, not yet reissued lines).");
            }
            long newId = BatchStore.insertBatch(c, BatchKind.REISSUE.name(), b.period(), user.orgPath(), Scope.today(), id,
                    user.username());
            BatchStore.reissue(c, newId, failed, Scope.today());
            return existing(c, newId, user).withLines(lines(c, newId));
        });
        return Response.status(201).entity(created).build();
    }

    private static void lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE HA_BATCH SET STATUS = STATUS WHERE ID = ?", id);
    }

    private static void requireStatus(Batch b, String status, String message) {
        if (!status.equals(b.status())) {
            throw ProblemException.conflict(message + "（批次 " + b.id() + " 当前为 " + b.status() + "）.");
        }
    }

    static Batch existing(Connection c, long id, PortalUser user) throws SQLException {
        return BatchStore.find(c, id, user.subtreePattern())
                .orElseThrow(() -> ProblemException.notFound("在您所在的工会范围内没有编号为 " + id + " 的发放批次 (no such batch)."));
    }

    static List<BatchStore.Line> lines(Connection c, long id) throws SQLException {
        return BatchStore.lines(c, id).stream().map(Payable::line).toList();
    }
}
