package org.unionportal.mutualaid.internal.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.mutualaid.internal.roster.RowProblem;
import org.unionportal.mutualaid.internal.roster.SettlementReader;
import org.unionportal.mutualaid.internal.rules.Assessment;
import org.unionportal.mutualaid.internal.rules.ClaimFacts;
import org.unionportal.mutualaid.internal.rules.ClaimStatus;
import org.unionportal.mutualaid.internal.rules.EventType;
import org.unionportal.mutualaid.internal.store.ClaimStore;
import org.unionportal.mutualaid.internal.store.EnrolmentStore;
import org.unionportal.mutualaid.internal.store.SettlementStore;

/**
 * Settlement data exchange (应赔尽赔): hospital settlements from the city medical-insurance system.
 * For every stay of an enrolled member of the user's subtree, covered on its date and not yet
 * claimed, a draft claim is prepared with the payment computed, and the member is reminded. Rows
 * with problems are listed and skipped; importing the same file again prepares nothing twice.
 */
@Component(service = SettlementService.class)
public class SettlementService {
    /** The user the drafts are filed by (the pages name it). */
    public static final String IMPORTER = "settlement-import";

    static final String RECORD = "settlement-import";

    private final PortalDatabase db;
    /** Every import, and every draft it prepares, is in the portal's audit trail (set by DS; tests set their own). */
    @Reference
    AuditTrail audit;
    /** Reminders go out through the portal's outbox (set by DS; tests set a fake). */
    @Reference
    Notifications notifications;

    /** What an import did: rows read, drafts prepared, stays already claimed, stays no cover fits, rows skipped. */
    public record Outcome(int rows, int draftClaims, int alreadyClaimed, int notCovered, List<RowProblem> problems) {
    }

    @Activate
    public SettlementService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db) {
        this.db = db;
    }

    public Outcome importFile(byte[] content, PortalUser user) {
        SettlementReader.Parsed parsed;
        try {
            parsed = SettlementReader.read(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (parsed.problems().stream().anyMatch(RowProblem::fileLevel)) {
            throw ProblemException.invalid(parsed.problems().stream().map(RowProblem::toFieldError).toList());
        }
        return db.inTransaction(c -> {
            int[] n = new int[3]; // drafts, already claimed, not covered
            for (SettlementReader.Settlement s : parsed.settlements()) {
                n[draft(c, s, user).ordinal()]++;
            }
            Outcome outcome = new Outcome(parsed.settlements().size() + parsed.problems().size(), n[0], n[1], n[2],
                    parsed.problems());
            // The file has no id of its own: its digest names it, so importing the same file again shows as the same record.
            audit.record(c, AuditEntry.of(MutualAid.MODULE, RECORD, digest(content), "IMPORT", user.orgPath(), Actor.of(user))
                    .changes(Map.of(), AuditFields.of("rows", outcome.rows(), "draftClaims", outcome.draftClaims(),
                            "alreadyClaimed", outcome.alreadyClaimed(), "notCovered", outcome.notCovered(),
                            "problems", outcome.problems().size())));
            return outcome;
        });
    }

    /** The first 16 hex digits of the file's SHA-256. */
    static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Result { DRAFTED, ALREADY_CLAIMED, NOT_COVERED }

    private Result draft(Connection c, SettlementReader.Settlement s, PortalUser user) throws SQLException {
        Optional<Long> enrolmentId = SettlementStore.coverOn(c, s.idNumber(), DataScope.of(user), s.admission());
        if (enrolmentId.isEmpty()) {
            return Result.NOT_COVERED;
        }
        EnrolmentStore.EnrolmentView enrolment = EnrolmentStore.byId(c, enrolmentId.get(), PortalTime.SYSTEM.today()).orElseThrow();
        ClaimFacts facts = new ClaimFacts(EventType.HOSPITAL_STAY, s.admission(), s.admission(), s.discharge(), null, null,
                s.totalCostFen(), s.basicInsuranceFen(), 0);
        if (ClaimStore.overlapping(c, enrolment.id(), facts).isPresent()) {
            return Result.ALREADY_CLAIMED;
        }
        Assessment assessment = ClaimAssessor.assess(c, enrolment, facts, 0);
        long claimId = ClaimStore.insert(c, enrolment.id(), enrolment.memberId(), enrolment.orgPath(), facts, s.hospital(),
                s.diagnosis(), ClaimStatus.DRAFT, assessment, IMPORTER);
        audit.record(c, AuditEntry.of(MutualAid.MODULE, "claim", claimId, "DRAFT_FROM_SETTLEMENT", enrolment.orgPath(), Actor.of(user))
                .changes(Map.of(), ClaimService.auditFields(ClaimStore.byId(c, claimId).orElseThrow())));
        Reminders.enqueue(c, notifications, Reminders.DRAFT_CLAIM, Reminders.dedupKey(Reminders.DRAFT_CLAIM, "claim", claimId), enrolment.memberId(),
                Reminders.draftClaim(enrolment.memberName(), s.hospital(), s.admission()));
        return Result.DRAFTED;
    }
}
