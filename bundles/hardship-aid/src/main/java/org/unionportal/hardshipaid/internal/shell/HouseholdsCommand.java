package org.unionportal.hardshipaid.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Labels;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.scope.DataScope;
import org.unionportal.hardshipaid.internal.rules.HouseholdStatus;
import org.unionportal.hardshipaid.internal.service.HouseholdService;
import org.unionportal.hardshipaid.internal.store.HouseholdStore.Summary;

/** {@code hardship-aid:households}: households on file or applying, ID numbers masked. */
@Command(scope = "hardship-aid", name = "households", description = "Lists hardship households (困难职工家庭), newest first")
@Service
public class HouseholdsCommand implements Action {
    private static final List<Text> COLUMNS = List.of(Text.of("编号", "Id"), Text.of("户主", "Head"), Text.of("身份证号", "ID number"),
            Text.of("状态", "Status"), Text.of("困难类别", "Level"), Text.of("证号", "Certificate"), Text.of("人数", "Members"),
            Text.of("下次复查", "Next re-check"));

    @Reference
    HouseholdService households;

    @Option(name = "--status", description = "APPLIED, RETURNED, ON_FILE, REJECTED or LEFT")
    String status;

    @Option(name = "--limit", description = "at most this many rows (default 50)")
    int limit = 50;

    @Option(name = "-l", aliases = "--lang", description = "zh or en (default: the system's language)")
    String lang;

    @Override
    public Object execute() {
        Language language = Language.forConsole(lang);
        HouseholdStatus wanted = null;
        if (status != null) {
            wanted = Labels.byCode(HouseholdStatus.class, status.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
            if (wanted == null) {
                System.out.println(Text.of("没有这个状态：" + status + "；可用：", "Unknown status " + status + "; use one of ")
                        .in(language) + Labels.codes(HouseholdStatus.class));
                return null;
            }
        }
        ShellTable table = new ShellTable();
        COLUMNS.forEach(column -> table.column(column.in(language)));
        // the shell's administrator sees the whole tree; the summary carries the ID number masked
        for (Summary s : households.latest(DataScope.subtree("/"), wanted, limit)) {
            table.addRow().addContent(s.id(), s.headName(), s.headIdNumber(), s.status().label().in(language), s.level() == null ? null : s.level().label().in(language),
                    s.certificateNo(), s.memberCount(), s.nextReviewDate());
        }
        table.print(System.out);
        return null;
    }
}
