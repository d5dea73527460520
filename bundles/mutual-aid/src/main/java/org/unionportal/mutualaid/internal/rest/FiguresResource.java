package org.unionportal.mutualaid.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.PortalResource;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.rest.RolesAllowed;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.db.Jdbc;

/**
 * Figures (统计): enrolments (人次) and payouts (count and sum) for a year, by plan and by the
 * organisations directly below the user's, each rolled up over its whole subtree.
 */
@Component(service = FiguresResource.class)
@PortalResource
@Path("/mutual-aid/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;
    @Reference
    OrganisationDirectory organisations;

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN})
    public Map<String, Object> figures(@QueryParam("year") Integer year, @Context SecurityContext context) {
        PortalUser user = Scope.user(context);
        int y = year == null ? Scope.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ProblemException.badRequest("year must be between 2000 and 2100.");
        }
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        List<OrganisationInfo> children = organisations.subtree(user.orgPath()).stream()
                .filter(o -> o.parentId() != null && o.parentId() == user.orgId()).toList();
        return db.read(c -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("year", y);
            result.put("total", totals(c, user.orgPath(), from, to));
            result.put("byPlan", Jdbc.list(c, "SELECT P.CODE, MAX(P.NAME_ZH), COUNT(*) FROM MA_ENROLMENT E JOIN MA_PLAN P "
                    + "ON P.ID = E.PLAN_ID WHERE E.ORG_PATH LIKE ? AND E.STATUS <> 'CANCELLED' AND E.COVER_START <= ? AND E.COVER_END >= ? "
                    + "GROUP BY P.CODE ORDER BY P.CODE", rs -> planRow(c, rs.getString(1), rs.getString(2), rs.getLong(3),
                    user.orgPath(), from, to), user.subtreePattern(), to, from));
            List<Map<String, Object>> byOrg = new ArrayList<>();
            for (OrganisationInfo child : children) {
                Map<String, Object> row = totals(c, child.path(), from, to);
                row.put("orgId", child.id());
                row.put("orgName", child.name());
                byOrg.add(row);
            }
            result.put("byOrganisation", byOrg);
            return result;
        });
    }

    private static Map<String, Object> planRow(Connection c, String code, String name, long enrolments, String path,
                                               LocalDate from, LocalDate to) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("planCode", code);
        row.put("planNameZh", name);
        row.put("enrolments", enrolments);
        long[] paid = Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(C.APPROVED_FEN), 0) FROM MA_CLAIM C JOIN MA_ENROLMENT E "
                + "ON E.ID = C.ENROLMENT_ID WHERE E.PLAN_CODE = ? AND C.ORG_PATH LIKE ? AND C.STATUS = 'PAID' "
                + "AND C.EVENT_DATE BETWEEN ? AND ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, code, path + "%", from, to)
                .orElse(new long[2]);
        row.put("payouts", paid[0]);
        row.put("paidFen", paid[1]);
        return row;
    }

    /** Enrolments whose cover overlaps the year, and claims paid for events in it, over one subtree. */
    static Map<String, Object> totals(Connection c, String path, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("enrolments", Jdbc.count(c, "SELECT COUNT(*) FROM MA_ENROLMENT WHERE ORG_PATH LIKE ? AND STATUS <> 'CANCELLED' "
                + "AND COVER_START <= ? AND COVER_END >= ?", path + "%", to, from));
        long[] paid = Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(APPROVED_FEN), 0) FROM MA_CLAIM WHERE ORG_PATH LIKE ? "
                + "AND STATUS = 'PAID' AND EVENT_DATE BETWEEN ? AND ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                path + "%", from, to).orElse(new long[2]);
        row.put("payouts", paid[0]);
        row.put("paidFen", paid[1]);
        return row;
    }
}
