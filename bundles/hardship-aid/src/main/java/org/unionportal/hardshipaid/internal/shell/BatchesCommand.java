package org.unionportal.hardshipaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.hardshipaid.internal.rules.Yuan;
import org.unionportal.hardshipaid.internal.store.BatchStore;

/** {@code hardship-aid:batches}: the payment batches of the whole city, newest first. */
@Command(scope = "hardship-aid", name = "batches", description = "Lists hardship-aid payment batches (帮扶发放批次)")
@Service
public class BatchesCommand implements Action {
    @Reference(filter = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Kind", "Period", "Status", "Due", "Lines", "Total (CNY)", "Bank", "Love card", "By"}) {
            table.column(column);
        }
        for (BatchStore.Batch b : db.read(c -> BatchStore.list(c, "%"))) {
            table.addRow().addContent(b.id(), b.kind(), b.period(), b.status(), b.dueDate(), b.lineCount(), Yuan.exact(b.totalFen()),
                    Yuan.exact(b.bankFen()), Yuan.exact(b.loveCardFen()), b.createdBy());
        }
        table.print(System.out);
        return null;
    }
}
