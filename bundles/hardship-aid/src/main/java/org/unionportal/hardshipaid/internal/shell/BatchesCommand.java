package org.unionportal.hardshipaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.money.Money;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.service.BatchService;
import org.unionportal.hardshipaid.internal.store.BatchStore;

/** {@code hardship-aid:batches}: the payment batches of the whole city, newest first. */
@Command(scope = "hardship-aid", name = "batches", description = "Lists hardship-aid payment batches (帮扶发放批次)")
@Service
public class BatchesCommand implements Action {
    @Reference
    BatchService batches;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Kind", "Period", "Status", "Due", "Lines", "Total (CNY)", "Bank", "Love card", "By"}) {
            table.column(column);
        }
        // the shell's administrator sees the whole tree
        for (BatchStore.Batch b : batches.list(DataScope.subtree("/"))) {
            table.addRow().addContent(b.id(), b.kind().code(), b.period(), b.status().code(), b.dueDate(), b.lineCount(),
                    Money.yuan(b.totalFen()), Money.yuan(b.bankFen()), Money.yuan(b.loveCardFen()), b.createdBy());
        }
        table.print(System.out);
        return null;
    }
}
