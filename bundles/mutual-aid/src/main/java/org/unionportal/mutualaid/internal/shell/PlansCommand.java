package org.unionportal.mutualaid.internal.shell;

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
import org.unionportal.mutualaid.internal.service.PlanService;
import org.unionportal.mutualaid.internal.store.Plan;

/** {@code mutual-aid:plans}: the current plans, for administrators at the console. */
@Command(scope = "mutual-aid", name = "plans", description = "Lists the current mutual-aid plans (互助保障项目)")
@Service
public class PlansCommand implements Action {
    private static final List<Text> COLUMNS = List.of(Text.of("编号", "Id"), Text.of("代码", "Code"), Text.of("版本", "Version"),
            Text.of("名称", "Name"), Text.of("每人费用(元)", "Fee/person (CNY)"), Text.of("参保期", "Enrolment"),
            Text.of("保障起始", "Cover from"));

    @Reference
    PlanService plans;

    @Option(name = "-l", aliases = "--lang", description = "zh or en (default: the system's language)")
    String lang;

    @Override
    public Object execute() {
        Language language = Language.forConsole(lang);
        ShellTable table = new ShellTable();
        COLUMNS.forEach(column -> table.column(column.in(language)));
        for (Plan p : plans.current()) {
            table.addRow().addContent(p.id(), p.code(), p.version(), language == Language.EN ? p.nameEn() : p.nameZh(),
                    Money.yuan(p.feePerPersonFen()), p.enrolFrom() + " .. " + p.enrolUntil(), p.coverFrom());
        }
        table.print(System.out);
        return null;
    }
}
