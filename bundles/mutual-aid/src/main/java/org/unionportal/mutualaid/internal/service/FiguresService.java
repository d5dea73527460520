package org.unionportal.mutualaid.internal.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.mutualaid.internal.store.FiguresStore;

/**
 * Figures (统计): enrolments (人次) and payouts (count and sum) for a year, by plan and by the
 * organisations directly below the user's, each rolled up over its whole subtree.
 */
@Component(service = FiguresService.class)
public class FiguresService {
    private final PortalDatabase db;
    private final OrganisationDirectory organisations;

    @Activate
    public FiguresService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)") PortalDatabase db,
                          @Reference OrganisationDirectory organisations) {
        this.db = db;
        this.organisations = organisations;
    }

    /** The figures of {@code year} (this year when null) for the user's subtree. */
    public Map<String, Object> figures(PortalUser user, Integer year) {
        int y = year == null ? PortalTime.SYSTEM.year() : year;
        if (y < 2000 || y > 2100) {
            throw ProblemException.badRequest("year_out_of_range", Text.of("年份须在 2000 到 2100 之间。",
                    "year must be between 2000 and 2100."));
        }
        List<OrganisationInfo> children = organisations.subtree(user.orgPath()).stream()
                .filter(o -> o.parentId() != null && o.parentId() == user.orgId()).toList();
        return db.read(c -> FiguresStore.figures(c, DataScope.of(user), children, y, LocalDate.of(y, 1, 1),
                LocalDate.of(y, 12, 31)));
    }
}
