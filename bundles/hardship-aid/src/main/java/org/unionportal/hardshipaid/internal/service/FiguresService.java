package org.unionportal.hardshipaid.internal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.money.Money;
import org.unionportal.api.org.OrganisationDirectory;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.time.PortalTime;
import org.unionportal.hardshipaid.internal.rules.Level;
import org.unionportal.hardshipaid.internal.store.FiguresStore;
import org.unionportal.hardshipaid.internal.store.SafetyNetStore;
import org.unionportal.hardshipaid.internal.store.StandardStore;

/** Figures (帮扶统计): households on file by level, rolled up the union tree; payments by item and period; the module's status. */
@Component(service = FiguresService.class)
public class FiguresService {
    private final PortalDatabase db;
    private final OrganisationDirectory orgs;
    private final PortalTime time;

    public record OrgRow(long orgId, String orgName, String orgPath, int depth, long hardship, long special, long total) {
    }

    public record Totals(long households, long special, long paidFen) {
    }

    public record Figures(int year, List<OrgRow> households, List<FiguresStore.PaymentRow> payments, FiguresStore.Sum safetyNet,
            Totals totals) {
    }

    /** What the web console shows: rows of (status, level, count), rows of the latest batches, open proposals. */
    public record Status(List<List<String>> households, List<List<String>> batches, long proposedStandards, long proposedAwards) {
    }

    @Activate
    public FiguresService(@Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)") PortalDatabase db,
            @Reference OrganisationDirectory orgs) {
        this.db = db;
        this.orgs = orgs;
        this.time = PortalTime.SYSTEM;
    }

    public Figures figures(PortalUser user, Integer year) {
        int y = year == null ? time.year() : year;
        Problems.checkYear(y);
        DataScope scope = DataScope.of(user);
        List<OrganisationInfo> tree = orgs.subtree(scope.orgPath());
        return db.read(c -> {
            // counts per organisation path, then rolled up: each organisation counts its whole subtree
            Map<String, long[]> byPath = new HashMap<>();
            for (FiguresStore.OnFile r : FiguresStore.onFile(c, scope)) {
                byPath.computeIfAbsent(r.orgPath(), k -> new long[2])[Level.SPECIAL.code().equals(r.level()) ? 1 : 0] += r.count();
            }
            int rootDepth = depth(scope.orgPath());
            List<OrgRow> households = new ArrayList<>();
            for (OrganisationInfo o : tree) {
                DataScope below = DataScope.subtree(o.path());
                long hardship = 0;
                long special = 0;
                for (Map.Entry<String, long[]> e : byPath.entrySet()) {
                    if (below.covers(e.getKey())) {
                        hardship += e.getValue()[0];
                        special += e.getValue()[1];
                    }
                }
                households.add(new OrgRow(o.id(), o.name(), o.path(), depth(o.path()) - rootDepth, hardship, special, hardship + special));
            }
            List<FiguresStore.PaymentRow> payments = FiguresStore.payments(c, scope, y);
            FiguresStore.Sum safetyNet = FiguresStore.safetyNet(c, scope, y);
            long onFile = byPath.values().stream().mapToLong(v -> v[0] + v[1]).sum();
            long special = byPath.values().stream().mapToLong(v -> v[1]).sum();
            long paid = Money.sum(payments.stream().map(FiguresStore.PaymentRow::totalFen).toList());
            return new Figures(y, households, payments, safetyNet, new Totals(onFile, special, paid));
        });
    }

    /** The module's status for the web console (the whole portal's; no personal data). */
    public Status status(DataScope scope) {
        return db.read(c -> new Status(FiguresStore.householdsByStatus(c, scope),
                FiguresStore.latestBatches(c, scope, 20).stream().map(r -> List.of(String.valueOf(r[0]), (String) r[1], (String) r[2],
                        (String) r[3], String.valueOf(r[4]), Money.yuan((Long) r[5]))).toList(),
                StandardStore.countProposed(c), SafetyNetStore.countProposed(c)));
    }

    private static int depth(String path) {
        return (int) path.chars().filter(ch -> ch == '/').count();
    }
}
