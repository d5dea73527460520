package org.unionportal.hardshipaid.internal.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.unionportal.api.export.TableExport;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.CurrentUser;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

/** Who is asking, what day it is in Shanghai, the names of the caller's organisations, file answers. */
final class Scope {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Scope() {
    }

    static PortalUser user(SecurityContext context) {
        return CurrentUser.of(context.getUserPrincipal());
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** Staff whose work needs ID numbers, incomes and illnesses in full: district and city administrators. */
    static boolean fullAccess(PortalUser user) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.PLATFORM_ADMIN);
    }

    /** Names of the organisations in the user's subtree (read before any transaction: it is another connection). */
    static Map<Long, String> orgNames(OrganisationDirectory orgs, PortalUser user) {
        Map<Long, String> names = new HashMap<>();
        for (OrganisationInfo o : orgs.subtree(user.orgPath())) {
            names.put(o.id(), o.name());
        }
        return names;
    }

    static Response file(String format, String baseName, List<String> headers, List<List<Object>> rows) {
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> Response.ok(TableExport.csv(headers, rows), TableExport.CSV_CONTENT_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + baseName + ".csv\"").build();
            case "xlsx" -> Response.ok(TableExport.xlsx(baseName, headers, rows), TableExport.XLSX_CONTENT_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + baseName + ".xlsx\"").build();
            default -> throw ProblemException.badRequest("format must be csv or xlsx.");
        };
    }
}
