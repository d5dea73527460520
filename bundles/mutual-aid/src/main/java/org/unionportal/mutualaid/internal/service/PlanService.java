package org.unionportal.mutualaid.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.audit.AuditFields;
import org.unionportal.mutualaid.internal.MutualAid;
import org.unionportal.mutualaid.internal.rules.BenefitChecks;
import org.unionportal.mutualaid.internal.rules.Benefits;
import org.unionportal.mutualaid.internal.rules.Eligibility;
import org.unionportal.mutualaid.internal.rules.FeeBasis;
import org.unionportal.mutualaid.internal.store.Json;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;

/** Plans (保障项目): read by everyone signed in; created and versioned by platform administrators. */
@Component(service = PlanService.class)
public class PlanService {
    static final String RECORD = "plan";
    private static final Set<Integer> TERMS = Set.of(1, 3, 5);
    private static final Text DATE = Text.of("请填写日期，格式如 2026-06-01", "must be a date (yyyy-MM-dd)");

    private final PortalDatabase db;
    /** Every write is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;

    /** What an administrator sends to create or edit a plan. Money in fen. */
    public record PlanRequest(String code, String nameZh, String nameEn, Integer termYears, Long feeFen, FeeBasis feeBasis,
                              LocalDate enrolFrom, LocalDate enrolUntil, LocalDate coverFrom, Integer waitingDays,
                              Eligibility eligibility, Benefits benefits, String descriptionZh) {
    }

    @Activate
    public PlanService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db) {
        this.db = db;
    }

    public List<Plan> current() {
        return db.read(PlanStore::current);
    }

    public Plan one(long id) {
        return db.read(c -> PlanStore.byId(c, id)).orElseThrow(() -> notFound(id));
    }

    public List<Plan> versions(long id) {
        Plan plan = one(id);
        return db.read(c -> PlanStore.versions(c, plan.code()));
    }

    /** A new plan (version 1 of a new code); answers its id. */
    public long create(PlanRequest request, PortalUser user) {
        Plan plan = validated(request, 0, 1);
        return db.inTransaction(c -> {
            if (PlanStore.currentByCode(c, plan.code()).isPresent()) {
                throw ProblemException.conflict("plan_code_taken", Text.of("项目代码 " + plan.code() + " 已存在；请编辑该项目以生成新版本。",
                        "A plan with code " + plan.code() + " exists; edit it to make a new version."));
            }
            long id = PlanStore.insertVersion(c, plan, user.username());
            record(c, "CREATE", null, PlanStore.byId(c, id).orElseThrow(), user);
            return id;
        });
    }

    /** Edits a plan: in place while nobody is enrolled, otherwise as a new version (the old one stays as it was). Answers the id. */
    public long edit(long id, PlanRequest request, PortalUser user) {
        return db.inTransaction(c -> {
            Plan existing = PlanStore.byId(c, id).orElseThrow(() -> notFound(id));
            if (!existing.current()) {
                throw ProblemException.conflict("plan_version_old", Text.of(
                        "项目 " + id + " 是旧版本；请编辑 " + existing.code() + " 的当前版本。",
                        "Plan " + id + " is an old version; edit the current version of " + existing.code() + "."));
            }
            PlanRequest sameCode = new PlanRequest(existing.code(), request.nameZh(), request.nameEn(), request.termYears(),
                    request.feeFen(), request.feeBasis(), request.enrolFrom(), request.enrolUntil(), request.coverFrom(),
                    request.waitingDays(), request.eligibility(), request.benefits(), request.descriptionZh());
            Plan edited = validated(sameCode, existing.id(), existing.version());
            if (PlanStore.hasEnrolments(c, id)) {
                long newId = PlanStore.insertVersion(c, edited, user.username());
                // the new version is a record of its own; its entry names the version it replaces
                Map<String, Object> after = auditFields(PlanStore.byId(c, newId).orElseThrow());
                after.put("previousVersionId", id);
                audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, newId, "NEW_VERSION", user.orgPath(), Actor.of(user))
                        .changes(Map.of(), after));
                return newId;
            }
            PlanStore.replace(c, id, edited);
            record(c, "UPDATE", existing, PlanStore.byId(c, id).orElseThrow(), user);
            return id;
        });
    }

    /** A plan's entry: the plans are the whole tree's, so it is kept under the administrator's organisation. */
    private void record(Connection c, String action, Plan before, Plan after, PortalUser user) throws SQLException {
        audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, after.id(), action, user.orgPath(), Actor.of(user))
                .changes(before == null ? Map.of() : auditFields(before), auditFields(after)));
    }

    /**
     * What the audit trail keeps of a plan: its terms, and its rules as stored (the trail keeps 500 characters of a
     * value, so the rules' digest shows any change of theirs).
     */
    static Map<String, Object> auditFields(Plan p) {
        return AuditFields.of("code", p.code(), "version", p.version(), "nameZh", p.nameZh(), "nameEn", p.nameEn(),
                "termYears", p.termYears(), "feeFen", p.feeFen(), "feeBasis", p.feeBasis().name(),
                "enrolFrom", p.enrolFrom().toString(), "enrolUntil", p.enrolUntil().toString(), "coverFrom", p.coverFrom().toString(),
                "waitingDays", p.waitingDays(), "eligibility", Json.write(p.rules().eligibility()),
                "benefits", Json.write(p.rules().benefits()), "rulesDigest", digest(Json.write(p.rules())), "descriptionZh", p.descriptionZh());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("plan_not_found", Text.of("没有编号为 " + id + " 的保障项目。", "No plan " + id + "."));
    }

    private static LocalDate dateOrToday(LocalDate date) {
        return date == null ? LocalDate.of(2000, 1, 1) : date;
    }

    /** The plan a request describes, or 422 listing every field that is wrong. */
    static Plan validated(PlanRequest r, long id, int version) {
        if (r == null) {
            throw ClaimService.bodyRequired();
        }
        Validation v = new Validation();
        v.requireText(r.code(), "code", 40);
        v.require(r.code() == null || r.code().matches("[A-Z0-9][A-Z0-9-]{1,39}"), "code", "invalid_code",
                Text.of("请用大写字母、数字和“-”，例如 WX-3IN1", "use capital letters, digits and '-', e.g. WX-3IN1"));
        v.requireText(r.nameZh(), "nameZh", 200);
        v.maxLength(r.nameEn(), "nameEn", 200);
        v.require(r.termYears() != null && TERMS.contains(r.termYears()), "termYears", "invalid_choice",
                Text.of("保障期限须为 1、3 或 5 年", "must be 1, 3 or 5"));
        v.require(r.feeFen() != null && r.feeFen() >= 0, "feeFen", "not_an_amount",
                Text.of("请填写会费，不能为负数", "is required and must not be negative"));
        // a fee times a roster's head count and years must not overflow: bounded here, where it is typed
        v.require(r.feeFen() == null || r.feeFen() <= Money.DEFAULT_MAX_FEN, "feeFen", "too_large",
                Text.of("会费不能超过 " + Money.withUnit(Money.DEFAULT_MAX_FEN), "must be at most CNY " + Money.grouped(Money.DEFAULT_MAX_FEN)));
        v.require(r.feeBasis() != null, "feeBasis", "invalid_choice",
                Text.of("须为按年（PER_YEAR）或按期（PER_TERM）", "must be PER_YEAR or PER_TERM"));
        v.require(r.enrolFrom() != null, "enrolFrom", "invalid_date", DATE);
        v.require(r.enrolUntil() != null, "enrolUntil", "invalid_date", DATE);
        v.require(r.coverFrom() != null, "coverFrom", "invalid_date", DATE);
        // a date the column can store and a person could mean (Derby stores years 1 to 9999 only)
        for (Map.Entry<String, LocalDate> date : java.util.Arrays.asList(Map.entry("enrolFrom", dateOrToday(r.enrolFrom())),
                Map.entry("enrolUntil", dateOrToday(r.enrolUntil())), Map.entry("coverFrom", dateOrToday(r.coverFrom())))) {
            v.require(date.getValue().getYear() >= 1900 && date.getValue().getYear() <= 2999, date.getKey(), "date_out_of_range",
                    Text.of("日期须在 1900 年到 2999 年之间", "must be between the years 1900 and 2999"));
        }
        v.require(r.enrolFrom() == null || r.enrolUntil() == null || !r.enrolUntil().isBefore(r.enrolFrom()), "enrolUntil",
                "before_start", Text.of("参保截止日期不能早于开始日期", "must not be before enrolFrom"));
        v.require(r.waitingDays() != null && r.waitingDays() >= 0 && r.waitingDays() <= 365, "waitingDays", "out_of_range",
                Text.of("等待期须为 0 到 365 天", "must be 0 to 365"));
        v.maxLength(r.descriptionZh(), "descriptionZh", 2000);
        v.require(r.eligibility() != null, "eligibility", "required", Text.of("必须填写", "is required"));
        v.require(r.benefits() != null, "benefits", "required", Text.of("必须填写", "is required"));
        if (r.benefits() != null) {
            BenefitChecks.check(r.benefits(), v);
        }
        v.throwIfInvalid();
        return new Plan(id, r.code(), version, true, r.nameZh().strip(), r.nameEn() == null ? r.nameZh().strip() : r.nameEn().strip(),
                r.termYears(), r.feeFen(), r.feeBasis(), r.enrolFrom(), r.enrolUntil(), r.coverFrom(), r.waitingDays(),
                new Plan.PlanRules(r.eligibility(), r.benefits()), r.descriptionZh());
    }
}
