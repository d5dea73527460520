package org.unionportal.hardshipaid.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionportal.api.security.UserDirectory;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.approval.SecondPerson;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.ApprovalStatus;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.hardshipaid.internal.store.StandardStore;
import org.unionportal.hardshipaid.internal.store.StandardStore.Row;

/**
 * Aid standards (救助标准): an effective-dated table. A new standard is proposed by one platform administrator
 * and approved by another; it may only start after every due date already paid, so payments made never change. Standards
 * are city-wide: their audit entries carry the deciding administrator's organisation.
 */
@Component(service = StandardService.class)
public class StandardService {
    static final long MAX_AMOUNT_FEN = 10_000_000L;

    private final PortalDatabase db;
    private final PortalTime time;
    /** Proposals and decisions are in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;

    /** {@code people}: the names of who proposed and decided (login name → name). */
    public record Table(LocalDate date, List<Row> inForce, List<Row> rows, Map<String, String> people) {
    }

    public record Proposal(String item, Long amountFen, LocalDate effectiveFrom, String note) {
    }

    public record Decision(String action, String note) {
    }

    /** People's names for the pages, from the core (optional: tests show login names). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory users;

    @Activate
    public StandardService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db) {
        this(db, PortalTime.SYSTEM);
    }

    StandardService(PortalDatabase db, PortalTime time) {
        this.db = db;
        this.time = time;
    }

    /** The table with the standards in force on {@code date} (a day like 2026-01-15; none is today). */
    public Table table(String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? time.today() : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid_date", Text.of("日期应如 2026-01-15", "The date must be a day like 2026-01-15"));
        }
        return db.read(c -> {
            List<Row> rows = StandardStore.all(c);
            List<Row> inForce = new ArrayList<>();
            for (Item item : Item.values()) {
                rows.stream().filter(r -> r.item() == item && r.status() == ApprovalStatus.APPROVED && !r.effectiveFrom().isAfter(day))
                        .max(Comparator.comparing(Row::effectiveFrom).thenComparing(Row::id))
                        .ifPresent(inForce::add);
            }
            List<String> who = new ArrayList<>();
            rows.forEach(r -> {
                who.add(r.proposedBy());
                who.add(r.decidedBy());
            });
            return new Table(day, inForce, rows, People.of(users, who));
        });
    }

    public Row propose(PortalUser user, Proposal p) {
        Item item = p == null ? null : Labels.byCode(Item.class, p.item()).orElse(null);
        Validation v = new Validation();
        v.require(item != null, "item", "unknown_item", Text.of("请选择救助项目：" + Labels.codes(Item.class),
                "Choose an item: " + Labels.codes(Item.class)));
        if (item != null && item.hasAmount()) {
            v.require(p.amountFen() != null && p.amountFen() > 0 && p.amountFen() <= MAX_AMOUNT_FEN, "amountFen", "invalid_amount",
                    Text.of("金额应大于 0、不超过 " + Money.withUnit(MAX_AMOUNT_FEN), "The amount must be above 0 and at most "
                            + Money.yuan(MAX_AMOUNT_FEN) + " CNY"));
        } else if (item != null) {
            v.require(p.amountFen() == null, "amountFen", "no_fixed_amount", Text.of("新生车票按实报销（限高铁二等座），不设金额",
                    "The entrant's ticket is refunded as paid (up to the second-class fare): it has no fixed amount"));
        }
        v.require(p != null && p.effectiveFrom() != null, "effectiveFrom", "required", Text.of("请填写执行日期", "Give the day it takes effect"));
        // a day the column can store and a person could mean (Derby stores years 1 to 9999 only)
        v.require(p == null || p.effectiveFrom() == null || (p.effectiveFrom().getYear() >= 1900 && p.effectiveFrom().getYear() <= 2999),
                "effectiveFrom", "date_out_of_range", Text.of("执行日期须在 1900 年到 2999 年之间", "The day must be between the years 1900 and 2999"));
        v.maxLength(p == null ? null : p.note(), "note", 400);
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            refuseBeforePaid(c, item, p.effectiveFrom());
            long id = StandardStore.propose(c, item, p.amountFen(), p.effectiveFrom(), user.username(), Problems.blankToNull(p.note()));
            Row proposed = StandardStore.find(c, id).orElseThrow();
            audit.record(c, Audit.entry("standard", id, "PROPOSE", user.orgPath(), user).changes(Map.of(), Audit.of(proposed)));
            return proposed;
        });
    }

    /** A second administrator approves or rejects the proposal (maker-checker). */
    public Row decide(PortalUser user, long id, Decision d) {
        new Validation().require(d != null && ("APPROVE".equals(d.action()) || "REJECT".equals(d.action())), "action", "unknown_action",
                Text.of("action 应为 APPROVE（批准）或 REJECT（不批准）", "action must be APPROVE or REJECT")).throwIfInvalid();
        return db.inTransaction(c -> {
            StandardStore.lock(c, id);
            Row row = StandardStore.find(c, id).orElseThrow(() -> ProblemException.notFound("standard_not_found",
                    Text.of("没有编号为 " + id + " 的标准", "There is no standard " + id)));
            if (row.status() != ApprovalStatus.PROPOSED) {
                throw Problems.wrongState("standard_decided", "标准 " + id + " 已审批，不能再审批", "Standard " + id + " is decided already",
                        row.status());
            }
            SecondPerson.require(true, row.proposedBy(), user, Text.of("新标准须由另一位管理员复核批准：提出人不能批准自己的提议",
                    "Maker-checker: someone other than " + row.proposedBy() + " approves it"));
            boolean approve = "APPROVE".equals(d.action());
            if (approve) {
                refuseBeforePaid(c, row.item(), row.effectiveFrom());
            }
            StandardStore.decide(c, id, approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, user.username(), time.now(),
                    Problems.blankToNull(d.note()));
            Row decided = StandardStore.find(c, id).orElseThrow();
            audit.record(c, Audit.entry("standard", id, d.action(), user.orgPath(), user).changes(Audit.of(row), Audit.of(decided)));
            return decided;
        });
    }

    /** A standard may only take effect after the last due date paid of its item (an item never paid has none). */
    private static void refuseBeforePaid(Connection c, Item item, LocalDate from) throws SQLException {
        Optional<LocalDate> last = StandardStore.lastDueDate(c, item);
        if (last.isPresent() && !from.isAfter(last.get())) {
            Text text = Text.of("“" + item.label().zh() + "”已按原标准发放到 " + last.get() + "（应发日）；新标准的执行日期须晚于该日，已发放的款项不变",
                    item.label().en() + " is paid at the old standard up to " + last.get() + " (due date); a new standard must start after it, "
                            + "so payments made never change");
            throw new ProblemException(409, "would_change_payments", text, List.of(ProblemException.FieldError.of("effectiveFrom",
                    "after_last_paid", "执行日期须晚于 " + last.get(), "Must be after " + last.get())));
        }
    }
}
