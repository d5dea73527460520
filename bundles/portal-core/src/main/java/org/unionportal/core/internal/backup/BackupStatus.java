package org.unionportal.core.internal.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.Figure;
import org.unionportal.api.module.ModuleStatus;

/**
 * The backups on the console's module status page (section "backup"): how long ago the last one was made, whether
 * the last attempt failed, how many are kept. On PostgreSQL the figures are absent (pg_dump runs outside).
 */
@Component(service = ModuleStatus.class)
public class BackupStatus implements ModuleStatus {
    @Reference
    Backups backups;

    @Override
    public String moduleId() {
        return "backup";
    }

    @Override
    public List<Figure> figures() {
        if (!backups.supported()) {
            return List.of();
        }
        Backups.LastRun last = backups.last().orElse(null);
        long minutes = last == null ? -1 : Duration.between(last.at(), Instant.now()).toMinutes();
        return List.of(
                Figure.count("backup.minutesSinceLast", Text.of("距最近一次备份（分钟，-1 为从未备份）", "Minutes since the last backup (-1: never)"), minutes),
                Figure.pending("backup.lastFailed", Text.of("最近一次备份失败（1 为失败，见日志）", "The last backup failed (1: yes, see the log)"),
                        last != null && !last.ok() ? 1 : 0),
                Figure.count("backup.kept", Text.of("保留的备份", "Backups kept"), backups.list().size()));
    }
}
