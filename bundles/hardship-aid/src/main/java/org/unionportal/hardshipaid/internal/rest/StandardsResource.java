package org.unionportal.hardshipaid.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.rules.Yuan;
import org.unionportal.hardshipaid.internal.store.StandardStore;
import org.unionportal.hardshipaid.internal.store.StandardStore.Row;

/**
 * Aid standards (救助标准): an effective-dated table. A new standard is proposed by one platform administrator
 * and approved by another; it may only start after every due date already paid, so payments made never change.
 */
@Component(service = StandardsResource.class)
@PortalResource
@Path("/hardship-aid/standards")
@Produces(MediaType.APPLICATION_JSON)
public class StandardsResource {
    static final long MAX_AMOUNT_FEN = 10_000_000L;

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    public record Table(LocalDate date, List<Row> inForce, List<Row> rows) {
    }

    public record Proposal(String item, Long amountFen, LocalDate effectiveFrom, String note) {
    }

    public record Decision(String action, String note) {
    }

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Table list(@QueryParam("date") String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? Scope.today() : LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("date must be a day like 2026-01-15.");
        }
        return db.read(c -> {
            List<Row> rows = StandardStore.all(c);
            List<Row> inForce = new ArrayList<>();
            for (Item item : Item.values()) {
                rows.stream().filter(r -> r.item().equals(item.name()) && "APPROVED".equals(r.status())
                        && !r.effectiveFrom().isAfter(day))
                        .max(java.util.Comparator.comparing(Row::effectiveFrom).thenComparing(Row::id))
                        .ifPresent(inForce::add);
            }
            return new Table(day, inForce, rows);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Response propose(Proposal p, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        Item item = p == null ? null : Item.parse(p.item()).orElse(null);
        Validation v = new Validation();
        v.require(item != null, "item", "请选择救助项目 (choose an item: " + List.of(Item.values()) + ")");
        if (item != null && item.hasAmount()) {
            v.require(p.amountFen() != null && p.amountFen() > 0 && p.amountFen() <= MAX_AMOUNT_FEN, "amountFen",
                    "金额应大于 0、不超过 10 万元，单位为分 (amount in fen, above 0 and at most 100,000 CNY)");
        } else if (item != null) {
            v.require(p.amountFen() == null, "amountFen", "新生车票按实报销（限高铁二等座），不设金额 (the ticket has no fixed amount)");
        }
        v.require(p != null && p.effectiveFrom() != null, "effectiveFrom", "请填写执行日期 (the day it takes effect)");
        v.require(p == null || p.note() == null || p.note().length() <= 400, "note", "最多 400 字");
        v.throwIfInvalid();
        Row row = db.inTransaction(c -> {
            refuseBeforePaid(c, item, p.effectiveFrom(), "effectiveFrom");
            long id = StandardStore.propose(c, item, p.amountFen(), p.effectiveFrom(), user.username(),
                    p.note() == null || p.note().isBlank() ? null : p.note().strip());
            return StandardStore.find(c, id).orElseThrow();
        });
        return Response.status(201).entity(row).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Row decide(@PathParam("id") long id, Decision d, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        new Validation().require(d != null && ("APPROVE".equals(d.action()) || "REJECT".equals(d.action())), "action",
                "action 应为 APPROVE（批准）或 REJECT（不批准）").throwIfInvalid();
        return db.inTransaction(c -> {
            Jdbc.update(c, "UPDATE HA_STANDARD SET STATUS = STATUS WHERE ID = ?", id);
            Row row = StandardStore.find(c, id).orElseThrow(() -> ProblemException.notFound("没有编号为 " + id + " 的标准."));
            if (!"PROPOSED".equals(row.status())) {
                throw ProblemException.conflict("标准 " + id + " 已" + ("APPROVED".equals(row.status()) ? "批准" : "驳回") + "，不能再审批.");
            }
            if (row.proposedBy().equals(user.username())) {
                throw ProblemException.forbidden("新标准须由另一位管理员复核批准：提出人不能批准自己的提议 (maker-checker: someone "
                        + "other than " + row.proposedBy() + " approves it).");
            }
            if ("APPROVE".equals(d.action())) {
                refuseBeforePaid(c, Item.valueOf(row.item()), row.effectiveFrom(), "effectiveFrom");
            }
            Jdbc.update(c, "UPDATE HA_STANDARD SET STATUS = ?, DECIDED_BY = ?, DECIDED_AT = ?, NOTE = COALESCE(?, NOTE) WHERE ID = ?",
                    "APPROVE".equals(d.action()) ? "APPROVED" : "REJECTED", user.username(), Instant.now(),
                    d.note() == null || d.note().isBlank() ? null : d.note().strip(), id);
            return StandardStore.find(c, id).orElseThrow();
        });
    }

    private static void refuseBeforePaid(java.sql.Connection c, Item item, LocalDate from, String field) throws java.sql.SQLException {
        Optional<LocalDate> last = StandardStore.lastDueDate(c, item);
        if (last.isPresent() && !from.isAfter(last.get())) {
            throw new ProblemException(409, "Would change payments made", "“" + item.zh() + "”已按原标准发放到 " + last.get()
                    + "（应发日）；新标准的执行日期须晚于该日，已发放的款项不变 (a new standard must start after " + last.get() + ").",
                    List.of(new ProblemException.FieldError(field, "执行日期须晚于 " + last.get())));
        }
    }

    static String amountText(Row r) {
        return r.amountFen() == null ? "实报（限高铁二等座）" : Yuan.text(r.amountFen()) + " 元";
    }
}
