package org.unionportal.hardshipaid.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.money.Money;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.service.BatchService;
import org.unionportal.hardshipaid.internal.store.BatchStore;

/** {@code hardship-aid:batches}: the payment batches of the whole city, newest first. */
@Command(scope = "hardship-aid", name = "batches", description = "Lists hardship-aid payment batches (帮扶发放批次)")
@Service
public class BatchesCommand implements Action {
    private static final List<Text> COLUMNS = List.of(Text.of("编号", "Id"), Text.of("类别", "Kind"), Text.of("期间", "Period"),
            Text.of("状态", "Status"), Text.of("发放日", "Due"), Text.of("笔数", "Lines"), Text.of("合计(元)", "Total (CNY)"),
            Text.of("银行(元)", "Bank"), Text.of("爱心卡(元)", "Love card"), Text.of("经办人", "By"));

    @Reference
    BatchService batches;

    @Option(name = "-l", aliases = "--lang", description = "zh or en (default: the system's language)")
    String lang;

    @Override
    public Object execute() {
        Language language = Language.forConsole(lang);
        ShellTable table = new ShellTable();
        COLUMNS.forEach(column -> table.column(column.in(language)));
        // the shell's administrator sees the whole tree
        for (BatchStore.Batch b : batches.list(DataScope.subtree("/"))) {
            table.addRow().addContent(b.id(), b.kind().label().in(language), b.period(), b.status().label().in(language), b.dueDate(), b.lineCount(),
                    Money.yuan(b.totalFen()), Money.yuan(b.bankFen()), Money.yuan(b.loveCardFen()), b.createdBy());
        }
        table.print(System.out);
        return null;
    }
}
