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
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.Masking;
import org.unionportal.mutualaid.internal.service.ClaimService;
import org.unionportal.mutualaid.internal.store.ClaimSummary;

/** {@code mutual-aid:claims [-s STATUS] [-l zh|en]}: the latest claims of the whole city, personal data masked. */
@Command(scope = "mutual-aid", name = "claims", description = "Lists the latest mutual-aid claims (理赔)")
@Service
public class ClaimsCommand implements Action {
    private static final List<Text> COLUMNS = List.of(Text.of("编号", "Id"), Text.of("职工", "Member"),
            Text.of("身份证号", "ID number"), Text.of("项目", "Plan"), Text.of("事由", "Event"), Text.of("状态", "Status"),
            Text.of("计算金额(元)", "Computed (CNY)"), Text.of("核准金额(元)", "Approved (CNY)"));

    @Reference
    ClaimService claims;

    @Option(name = "-s", aliases = "--status", description = "only claims in this status, e.g. SUBMITTED or APPROVED")
    String status;

    @Option(name = "-n", aliases = "--max", description = "how many claims at most, newest first (default 50, at most 500)")
    int max = 50;

    @Option(name = "-l", aliases = "--lang", description = "zh or en (default: the system's language)")
    String lang;

    @Override
    public Object execute() {
        Language language = Language.forConsole(lang);
        List<ClaimSummary> latest;
        try {
            latest = claims.latest(status, max);
        } catch (ProblemException e) {
            System.err.println(e.message().in(language));
            return null;
        }
        ShellTable table = new ShellTable();
        COLUMNS.forEach(column -> table.column(column.in(language)));
        for (ClaimSummary c : latest) {
            table.addRow().addContent(c.id(), c.memberName(), Masking.idNumber(c.idNumber()), c.planCode(),
                    c.eventType().label().in(language) + " " + c.eventDate(), c.status().label().in(language),
                    Money.yuan(c.computedFen()), c.approvedFen() == null ? "" : Money.yuan(c.approvedFen()));
        }
        table.print(System.out);
        return null;
    }
}
