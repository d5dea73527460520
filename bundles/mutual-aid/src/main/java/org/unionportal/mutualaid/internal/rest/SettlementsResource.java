package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.mutualaid.internal.AuditFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.roster.RowProblem;
import org.unionportal.mutualaid.internal.roster.SettlementReader;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;

/**
 * Settlement data exchange (应赔尽赔): hospital settlements from the city medical-insurance system.
 * For every stay of an enrolled member of the user's subtree, covered on its date and not yet
 * claimed, a draft claim is prepared with the payment computed, and the member is reminded. Rows
 * with problems are listed and skipped; importing the same file again prepares nothing twice.
 */
@Component(service = SettlementsResource.class)
@PortalResource
@Path("/mutual-aid/settlements")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementsResource {
    static final String IMPORTER = "settlement-import";

    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    AuditTrail audit;
    @Reference
    org.unionportal.api.notification.Notifications notifications;

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv"})
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public Map<String, Object> importFile(InputStream body, @Context SecurityContext context) throws IOException {
        PortalUser user = Scope.user(context);
        byte[] content = EnrolmentResource.readLimited(body, "settlement file");
        SettlementReader.Parsed parsed = SettlementReader.read(new ByteArrayInputStream(content));
        if (parsed.problems().stream().anyMatch(RowProblem::fileLevel)) {
            throw ProblemException.invalid(parsed.problems().stream()
                    .map(p -> new ProblemException.FieldError("line " + p.line() + ": " + p.field(), p.message())).toList());
        }
        int[] counts = new int[3]; // drafts, already claimed, not covered
        db.inTransaction(c -> {
            counts[0] = counts[1] = counts[2] = 0;
            for (SettlementReader.Settlement s : parsed.settlements()) {
                counts[draft(c, notifications, s, user)]++;
            }
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "settlement-import", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "IMPORT", user.orgPath(),
                    Actor.of(user)).changes(Map.of(), AuditFields.of("drafts", counts[0], "alreadyClaimed", counts[1], "notCovered", counts[2])));
            return null;
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", parsed.settlements().size() + parsed.problems().size());
        result.put("draftClaims", counts[0]);
        result.put("alreadyClaimed", counts[1]);
        result.put("notCovered", counts[2]);
        result.put("problems", parsed.problems());
        return result;
    }

    /** 0 when a draft was prepared, 1 when the stay is already claimed, 2 when no cover of the subtree fits. */
    private static int draft(Connection c, org.unionportal.api.notification.Notifications notifications,
                             SettlementReader.Settlement s, PortalUser user) throws SQLException {
        Optional<Long> enrolmentId = Jdbc.one(c, "SELECT E.ID FROM MA_ENROLMENT E JOIN MA_MEMBER M ON M.ID = E.MEMBER_ID "
                + "WHERE M.ID_NUMBER = ? AND E.ORG_PATH LIKE ? AND E.STATUS IN ('ACTIVE', 'EXPIRED') AND E.COVER_START <= ? "
                + "AND E.COVER_END >= ? ORDER BY E.ID", rs -> rs.getLong(1), s.idNumber(), user.subtreePattern(), s.admission(),
                s.admission());
        if (enrolmentId.isEmpty()) {
            return 2;
        }
        EnrolmentStore.EnrolmentView enrolment = EnrolmentStore.byId(c, enrolmentId.get(), Scope.today()).orElseThrow();
        ClaimFacts facts = new ClaimFacts(EventType.HOSPITAL_STAY, s.admission(), s.admission(), s.discharge(), null, null,
                s.totalCostFen(), s.basicInsuranceFen(), 0);
        if (ClaimStore.overlapping(c, enrolment.id(), facts).isPresent()) {
            return 1;
        }
        Assessment assessment = ClaimsResource.assess(c, enrolment, facts, 0);
        long claimId = ClaimStore.insert(c, enrolment.id(), enrolment.memberId(), enrolment.orgPath(), facts, s.hospital(),
                s.diagnosis(), "DRAFT", assessment, IMPORTER);
        Reminders.enqueue(c, notifications, Reminders.DRAFT_CLAIM, Reminders.dedupKey(Reminders.DRAFT_CLAIM, "claim", claimId), enrolment.memberId(),
                Reminders.draftClaim(enrolment.memberName(), s.hospital(), s.admission()));
        return 0;
    }

}
