package org.unionportal.hardshipaid.internal.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** Figures (帮扶统计): households on file by level, rolled up the union tree; payments by item and period. */
@Component(service = FiguresResource.class)
@PortalResource
@Path("/hardship-aid/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    @Reference
    OrganisationDirectory orgs;

    public record OrgRow(long orgId, String orgName, String orgPath, int depth, long hardship, long special, long total) {
    }

    public record PaymentRow(String item, String period, long count, long totalFen) {
    }

    public record Sum(long count, long totalFen) {
    }

    public record Totals(long households, long special, long paidFen) {
    }

    public record Figures(int year, List<OrgRow> households, List<PaymentRow> payments, Sum safetyNet, Totals totals) {
    }

    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN})
    public Figures figures(@QueryParam("year") Integer year, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        int y = year == null ? Scope.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ProblemException.badRequest("year must be a year like 2026.");
        }
        List<OrganisationInfo> tree = orgs.subtree(user.orgPath());
        return db.read(c -> {
            // counts per organisation path, then rolled up: each organisation counts its whole subtree
            Map<String, long[]> byPath = new HashMap<>();
            for (Object[] r : Jdbc.list(c, "SELECT ORG_PATH, LEVEL, COUNT(*) FROM HA_HOUSEHOLD WHERE ORG_PATH LIKE ? AND STATUS = 'ON_FILE' "
                    + "GROUP BY ORG_PATH, LEVEL", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, user.subtreePattern())) {
                long[] counts = byPath.computeIfAbsent((String) r[0], k -> new long[2]);
                counts["SPECIAL".equals(r[1]) ? 1 : 0] += (Long) r[2];
            }
            int rootDepth = depth(user.orgPath());
            List<OrgRow> households = new ArrayList<>();
            for (OrganisationInfo o : tree) {
                long hardship = 0;
                long special = 0;
                for (Map.Entry<String, long[]> e : byPath.entrySet()) {
                    if (e.getKey().startsWith(o.path())) {
                        hardship += e.getValue()[0];
                        special += e.getValue()[1];
                    }
                }
                households.add(new OrgRow(o.id(), o.name(), o.path(), depth(o.path()) - rootDepth, hardship, special, hardship + special));
            }
            List<PaymentRow> payments = Jdbc.list(c, "SELECT P.ITEM, P.PERIOD, COUNT(*), SUM(P.AMOUNT_FEN) FROM HA_PAYMENT P JOIN HA_HOUSEHOLD H "
                    + "ON H.ID = P.HOUSEHOLD_ID WHERE H.ORG_PATH LIKE ? AND P.STATUS IN ('APPROVED', 'PAID') AND P.DUE_DATE BETWEEN ? AND ? "
                    + "GROUP BY P.ITEM, P.PERIOD ORDER BY P.PERIOD, P.ITEM", rs -> new PaymentRow(rs.getString(1), rs.getString(2),
                    rs.getLong(3), rs.getLong(4)), user.subtreePattern(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            Sum safetyNet = Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(A.AMOUNT_FEN), 0) FROM HA_SAFETY_NET_AWARD A JOIN HA_HOUSEHOLD H "
                    + "ON H.ID = A.HOUSEHOLD_ID WHERE H.ORG_PATH LIKE ? AND A.AWARD_YEAR = ? AND A.STATUS IN ('APPROVED', 'PAID')",
                    rs -> new Sum(rs.getLong(1), rs.getLong(2)), user.subtreePattern(), y).orElse(new Sum(0, 0));
            long onFile = byPath.values().stream().mapToLong(v -> v[0] + v[1]).sum();
            long special = byPath.values().stream().mapToLong(v -> v[1]).sum();
            long paid = payments.stream().mapToLong(PaymentRow::totalFen).sum();
            return new Figures(y, households, payments, safetyNet, new Totals(onFile, special, paid));
        });
    }

    private static int depth(String path) {
        return (int) path.chars().filter(ch -> ch == '/').count();
    }
}
