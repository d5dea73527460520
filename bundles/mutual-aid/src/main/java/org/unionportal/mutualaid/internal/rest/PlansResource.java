package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.mutualaid.internal.AuditFields;
import java.util.Map;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.rest.Validation;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.rules.Benefits;
import org.unionportal.mutualaid.internal.rules.Eligibility;
import org.unionportal.mutualaid.internal.rules.FeeBasis;
import org.unionportal.mutualaid.internal.store.Plan;
import org.unionportal.mutualaid.internal.store.PlanStore;

/** Plans (保障项目): everyone signed in reads them; platform administrators create and version them. */
@Component(service = PlansResource.class)
@PortalResource
@Path("/mutual-aid/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {
    private static final Set<Integer> TERMS = Set.of(1, 3, 5);

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    AuditTrail audit;

    /** What an administrator sends to create or edit a plan. Money in fen. */
    public record PlanRequest(String code, String nameZh, String nameEn, Integer termYears, Long feeFen, FeeBasis feeBasis,
                              LocalDate enrolFrom, LocalDate enrolUntil, LocalDate coverFrom, Integer waitingDays,
                              Eligibility eligibility, Benefits benefits, String descriptionZh) {
    }

    @GET
    public List<Plan> current() {
        return db.read(PlanStore::current);
    }

    @GET
    @Path("/{id}")
    public Plan one(@PathParam("id") long id) {
        return db.read(c -> PlanStore.byId(c, id)).orElseThrow(() -> ProblemException.notFound("No plan " + id + "."));
    }

    @GET
    @Path("/{id}/versions")
    public List<Plan> versions(@PathParam("id") long id) {
        Plan plan = one(id);
        return db.read(c -> PlanStore.versions(c, plan.code()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Response create(PlanRequest request, @Context SecurityContext context) {
        Plan plan = validated(request, 0, 1);
        long id = db.inTransaction(c -> {
            if (PlanStore.currentByCode(c, plan.code()).isPresent()) {
                throw ProblemException.conflict("A plan with code " + plan.code() + " exists; edit it to make a new version.");
            }
            long planId = PlanStore.insertVersion(c, plan, Scope.user(context).username());
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "plan", planId, "CREATE", Scope.user(context).orgPath(),
                    Actor.of(Scope.user(context))).changes(java.util.Map.of(), auditFields(plan)));
            return planId;
        });
        return Response.status(201).entity(one(id)).build();
    }

    /** Edits a plan: in place while nobody is enrolled, otherwise as a new version (the old one stays as it was). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Plan edit(@PathParam("id") long id, PlanRequest request, @Context SecurityContext context) {
        long resultId = db.inTransaction(c -> {
            Plan existing = PlanStore.byId(c, id).orElseThrow(() -> ProblemException.notFound("No plan " + id + "."));
            if (!existing.current()) {
                throw ProblemException.conflict("Plan " + id + " is an old version; edit the current version of "
                        + existing.code() + ".");
            }
            PlanRequest sameCode = new PlanRequest(existing.code(), request.nameZh(), request.nameEn(), request.termYears(),
                    request.feeFen(), request.feeBasis(), request.enrolFrom(), request.enrolUntil(), request.coverFrom(),
                    request.waitingDays(), request.eligibility(), request.benefits(), request.descriptionZh());
            Plan edited = validated(sameCode, existing.id(), existing.version());
            boolean newVersion = PlanStore.hasEnrolments(c, id);
            long result = newVersion ? PlanStore.insertVersion(c, edited, Scope.user(context).username()) : id;
            if (!newVersion) {
                PlanStore.replace(c, id, edited);
            }
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "plan", result, newVersion ? "NEW_VERSION" : "UPDATE", Scope.user(context).orgPath(),
                    Actor.of(Scope.user(context))).changes(auditFields(existing), auditFields(edited)));
            return result;
        });
        return one(resultId);
    }

    /** What the audit trail keeps of a plan. */
    static Map<String, Object> auditFields(Plan p) {
        return AuditFields.of("code", p.code(), "version", p.version(), "nameZh", p.nameZh(), "feeFen", p.feePerPersonFen(),
                "coverFrom", p.coverFrom());
    }

    static Plan validated(PlanRequest r, long id, int version) {
        Validation v = new Validation();
        v.requireText(r.code(), "code", 40);
        v.require(r.code() == null || r.code().matches("[A-Z0-9][A-Z0-9-]{1,39}"), "code",
                "use capital letters, digits and '-', e.g. WX-3IN1");
        v.requireText(r.nameZh(), "nameZh", 200);
        v.require(r.nameEn() == null || r.nameEn().length() <= 200, "nameEn", "must be at most 200 characters");
        v.require(r.termYears() != null && TERMS.contains(r.termYears()), "termYears", "must be 1, 3 or 5");
        v.require(r.feeFen() != null && r.feeFen() >= 0, "feeFen", "must be 0 or more (fen)");
        v.require(r.feeBasis() != null, "feeBasis", "must be PER_YEAR or PER_TERM");
        v.require(r.enrolFrom() != null, "enrolFrom", "must be a date (yyyy-MM-dd)");
        v.require(r.enrolUntil() != null, "enrolUntil", "must be a date (yyyy-MM-dd)");
        v.require(r.coverFrom() != null, "coverFrom", "must be a date (yyyy-MM-dd)");
        v.require(r.enrolFrom() == null || r.enrolUntil() == null || !r.enrolUntil().isBefore(r.enrolFrom()), "enrolUntil",
                "must not be before enrolFrom");
        v.require(r.waitingDays() != null && r.waitingDays() >= 0 && r.waitingDays() <= 365, "waitingDays", "must be 0 to 365");
        v.require(r.descriptionZh() == null || r.descriptionZh().length() <= 2000, "descriptionZh", "must be at most 2000 characters");
        v.require(r.eligibility() != null, "eligibility", "is required");
        v.require(r.benefits() != null, "benefits", "is required");
        if (r.benefits() != null) {
            BenefitChecks.check(r.benefits(), v);
        }
        v.throwIfInvalid();
        return new Plan(id, r.code(), version, true, r.nameZh().strip(), r.nameEn() == null ? r.nameZh().strip() : r.nameEn().strip(),
                r.termYears(), r.feeFen(), r.feeBasis(), r.enrolFrom(), r.enrolUntil(), r.coverFrom(), r.waitingDays(),
                new Plan.PlanRules(r.eligibility(), r.benefits()), r.descriptionZh());
    }
}
