package org.unionportal.mutualaid.internal.status;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.module.Figure;
import org.unionportal.api.module.ModuleStatus;
import org.unionportal.mutualaid.internal.reminders.CoverEndingScan;

/**
 * What the portal's console page (模块概况 / Module status) shows for mutual aid: plans, covers, claims by status
 * (those waiting for staff as pending work), money approved and paid. The reminders are in the portal's outbox,
 * which the core reports.
 */
@Component(service = ModuleStatus.class)
public class MutualAidStatus implements ModuleStatus {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;

    @Override
    public String moduleId() {
        return "mutual-aid";
    }

    @Override
    public List<Figure> figures() {
        return db.read(c -> StatusCounts.figures(c, CoverEndingScan.today()));
    }
}
