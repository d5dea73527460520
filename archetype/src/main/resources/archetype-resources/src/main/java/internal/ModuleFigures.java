package ${package}.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.module.Figure;
import org.unionportal.api.module.ModuleStatus;

/** The module's figures on the console page /system/console/union-status (one grouped query). */
@Component(service = ModuleStatus.class)
public class ModuleFigures implements ModuleStatus {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=${moduleId})")
    PortalDatabase db;

    @Override
    public String moduleId() {
        return EntryRules.MODULE;
    }

    @Override
    public List<Figure> figures() {
        return EntryRules.statusFigures(db.read(EntryStore::totals));
    }
}
