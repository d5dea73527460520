package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.audit.Actor;
import org.unionportal.api.audit.AuditEntry;
import org.unionportal.api.audit.AuditTrail;
import org.unionportal.mutualaid.internal.AuditFields;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.reminders.Reminders;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.db.Jdbc;

/** Payouts: approved claims grouped into one bank-transfer batch, then marked paid. */
@Component(service = PayoutsResource.class)
@PortalResource
@Path("/mutual-aid/payouts")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutsResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    AuditTrail audit;
    @Reference
    org.unionportal.api.notification.Notifications notifications;

    public record PayoutBatch(long id, String orgPath, int claimCount, long totalFen, String createdBy, Instant createdAt) {
    }

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public List<PayoutBatch> list(@Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        return db.read(c -> Jdbc.list(c, "SELECT ID, ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT FROM MA_PAYOUT_BATCH "
                + "WHERE ORG_PATH LIKE ? ORDER BY ID DESC", PayoutsResource::map, user.subtreePattern()));
    }

    /** Every approved claim of the user's subtree not yet paid goes into one new batch. */
    @POST
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response create(@Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        PayoutBatch batch = db.inTransaction(c -> {
            PayoutBatch made = create(c, notifications, user.orgPath(), user.username());
            audit.record(c, AuditEntry.of(AuditFields.MODULE, "payout-batch", made.id(), "CREATE", made.orgPath(), Actor.of(user))
                    .changes(java.util.Map.of(), AuditFields.of("claimCount", made.claimCount(), "totalFen", made.totalFen())));
            return made;
        });
        return Response.status(201).entity(batch).build();
    }

    static PayoutBatch create(Connection c, org.unionportal.api.notification.Notifications notifications, String orgPath,
                              String username) throws SQLException {
        List<long[]> claims = Jdbc.list(c, "SELECT ID, APPROVED_FEN, MEMBER_ID FROM MA_CLAIM WHERE ORG_PATH LIKE ? AND STATUS = 'APPROVED' "
                + "AND PAYOUT_BATCH_ID IS NULL ORDER BY ID", rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, orgPath + "%");
        if (claims.isEmpty()) {
            throw ProblemException.conflict("There are no approved claims waiting for payment in your part of the union tree.");
        }
        long total = claims.stream().mapToLong(cl -> cl[1]).sum();
        long id = Jdbc.insert(c, "INSERT INTO MA_PAYOUT_BATCH (ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", orgPath, claims.size(), total, username, Instant.now());
        for (long[] claim : claims) {
            if (Jdbc.update(c, "UPDATE MA_CLAIM SET STATUS = 'PAID', PAYOUT_BATCH_ID = ? WHERE ID = ? AND STATUS = 'APPROVED'",
                    id, claim[0]) != 1) {
                throw ProblemException.conflict("Claim " + claim[0] + " changed while the batch was made; try again.");
            }
            Jdbc.update(c, "INSERT INTO MA_CLAIM_EVENT (CLAIM_ID, OCCURRED_AT, ACTOR, ACTION, FROM_STATUS, TO_STATUS, DETAIL) "
                    + "VALUES (?, ?, ?, 'PAY', 'APPROVED', 'PAID', ?)", claim[0], Instant.now(), username, "payout batch " + id);
            String name = Jdbc.one(c, "SELECT NAME FROM MA_MEMBER WHERE ID = ?", rs -> rs.getString(1), claim[2]).orElse("");
            Reminders.enqueue(c, notifications, Reminders.PAYMENT_MADE, Reminders.dedupKey(Reminders.PAYMENT_MADE, "claim", claim[0]), claim[2],
                    Reminders.paymentMade(name, claim[0], claim[1]));
        }
        return Jdbc.one(c, "SELECT ID, ORG_PATH, CLAIM_COUNT, TOTAL_FEN, CREATED_BY, CREATED_AT FROM MA_PAYOUT_BATCH WHERE ID = ?",
                PayoutsResource::map, id).orElseThrow();
    }

    /** The bank-transfer file of a batch (CSV, UTF-8 with BOM). Full ID numbers: the bank needs them. */
    @GET
    @Path("/{id}/bank-file")
    @Produces("text/csv")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Response bankFile(@PathParam("id") long id, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        List<List<Object>> rows = db.read(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM MA_PAYOUT_BATCH WHERE ID = ? AND ORG_PATH LIKE ?", id, user.subtreePattern()) == 0) {
                throw ProblemException.notFound("No payout batch " + id + " in your part of the union tree.");
            }
            List<List<Object>> lines = new ArrayList<>();
            for (Object[] r : Jdbc.list(c, "SELECT C.ID, M.NAME, M.ID_NUMBER, C.APPROVED_FEN FROM MA_CLAIM C JOIN MA_MEMBER M "
                    + "ON M.ID = C.MEMBER_ID WHERE C.PAYOUT_BATCH_ID = ? ORDER BY C.ID", rs -> new Object[] {rs.getLong(1),
                    rs.getString(2), rs.getString(3), rs.getLong(4)}, id)) {
                lines.add(List.of(lines.size() + 1, r[1], r[2], Money.yuan((Long) r[3]), "MA-CLAIM-" + r[0]));
            }
            return lines;
        });
        byte[] csv = TableExport.csv(List.of("序号", "姓名", "身份证号", "金额(元)", "附言"), rows);
        return Response.ok(new String(csv, StandardCharsets.UTF_8))
                .type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"mutual-aid-payout-" + id + ".csv\"")
                .build();
    }

    static PayoutBatch map(java.sql.ResultSet rs) throws SQLException {
        return new PayoutBatch(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

}
