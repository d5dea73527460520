package org.unionportal.core.internal.notification;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.module.Figure;
import org.unionportal.api.module.ModuleStatus;

/** The core's own figures on the console's module status page: the notification outbox, attachments, the audit trail. */
@Component(service = ModuleStatus.class)
public class PortalServicesStatus implements ModuleStatus {
    @Reference(target = "(" + PortalDatabase.SCHEMA_PROPERTY + "=portal)")
    PortalDatabase db;

    @Override
    public String moduleId() {
        return "portal";
    }

    @Override
    public List<Figure> figures() {
        return db.read(c -> {
            Map<String, Long> outbox = Outbox.countsByStatus(c);
            return List.of(
                    Figure.pending("notifications.pending", Text.of("待发送通知", "Notifications waiting"), outbox.get(Outbox.PENDING)),
                    Figure.count("notifications.sent", Text.of("已发送通知", "Notifications sent"), outbox.get(Outbox.SENT)),
                    Figure.pending("notifications.failed", Text.of("发送失败通知", "Notifications failed"), outbox.get(Outbox.FAILED)),
                    Figure.count("attachments", Text.of("附件", "Attachments"), Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_ATTACHMENT")),
                    Figure.count("audit.entries", Text.of("操作日志条目", "Audit entries"),
                            Jdbc.count(c, "SELECT COUNT(*) FROM PORTAL_AUDIT_ENTRY")));
        });
    }
}
