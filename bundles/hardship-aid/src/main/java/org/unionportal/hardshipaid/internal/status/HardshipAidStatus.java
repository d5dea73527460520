package org.unionportal.hardshipaid.internal.status;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.module.Figure;
import org.unionportal.api.module.ModuleStatus;

/**
 * What the portal's console page (模块概况 / Module status) shows for hardship aid: households, applications,
 * standards and safety-net awards waiting for approval (pending work), batches by kind, money paid.
 */
@Component(service = ModuleStatus.class)
public class HardshipAidStatus implements ModuleStatus {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    @Override
    public String moduleId() {
        return "hardship-aid";
    }

    @Override
    public List<Figure> figures() {
        return db.read(StatusCounts::figures);
    }
}
