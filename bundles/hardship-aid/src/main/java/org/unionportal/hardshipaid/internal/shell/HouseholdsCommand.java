package org.unionportal.hardshipaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.service.HouseholdService;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Summary;

/** {@code hardship-aid:households}: households on file or applying, ID numbers masked. */
@Command(scope = "hardship-aid", name = "households", description = "Lists hardship households (困难职工家庭), newest first")
@Service
public class HouseholdsCommand implements Action {
    @Reference
    HouseholdService households;

    @Option(name = "--status", description = "APPLIED, RETURNED, ON_FILE, REJECTED or LEFT")
    String status;

    @Option(name = "--limit", description = "at most this many rows (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        HouseholdStatus wanted = null;
        if (status != null) {
            wanted = Labels.byCode(HouseholdStatus.class, status.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
            if (wanted == null) {
                System.out.println("Unknown status " + status + "; use one of " + Labels.codes(HouseholdStatus.class));
                return null;
            }
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Head", "ID number", "Status", "Level", "Certificate", "Members", "Next re-check"}) {
            table.column(column);
        }
        // the shell's administrator sees the whole tree; the summary carries the ID number masked
        for (Summary s : households.latest(DataScope.subtree("/"), wanted, limit)) {
            table.addRow().addContent(s.id(), s.headName(), s.headIdNumber(), s.status().code(), s.level() == null ? null : s.level().code(),
                    s.certificateNo(), s.memberCount(), s.nextReviewDate());
        }
        table.print(System.out);
        return null;
    }
}
