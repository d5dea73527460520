package org.unionportal.mutualaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.money.Money;
import org.unionportal.mutualaid.internal.service.PlanService;
import org.unionportal.mutualaid.internal.store.Plan;

/** {@code mutual-aid:plans}: the current plans, for administrators at the console. */
@Command(scope = "mutual-aid", name = "plans", description = "Lists the current mutual-aid plans (互助保障项目)")
@Service
public class PlansCommand implements Action {
    @Reference
    PlanService plans;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Code");
        table.column("Version");
        table.column("Name");
        table.column("Fee/person (CNY)");
        table.column("Enrolment");
        table.column("Cover from");
        for (Plan p : plans.current()) {
            table.addRow().addContent(p.id(), p.code(), p.version(), p.nameZh(), Money.yuan(p.feePerPersonFen()),
                    p.enrolFrom() + " .. " + p.enrolUntil(), p.coverFrom());
        }
        table.print(System.out);
        return null;
    }
}
