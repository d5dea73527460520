package org.unionportal.mutualaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.Masking;
import org.unionportal.api.money.Money;
import org.unionportal.mutualaid.internal.service.ClaimService;
import org.unionportal.mutualaid.internal.store.ClaimSummary;

/** {@code mutual-aid:claims [-s STATUS]}: the latest claims of the whole city, personal data masked. */
@Command(scope = "mutual-aid", name = "claims", description = "Lists the latest mutual-aid claims (理赔)")
@Service
public class ClaimsCommand implements Action {
    @Reference
    ClaimService claims;

    @Option(name = "-s", aliases = "--status", description = "only claims in this status, e.g. SUBMITTED or APPROVED")
    String status;

    @Option(name = "-n", aliases = "--max", description = "how many claims at most, newest first (default 50, at most 500)")
    int max = 50;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Member");
        table.column("ID number");
        table.column("Plan");
        table.column("Event");
        table.column("Status");
        table.column("Computed (CNY)");
        table.column("Approved (CNY)");
        java.util.List<ClaimSummary> latest;
        try {
            latest = claims.latest(status, max);
        } catch (ProblemException e) {
            // The console speaks English, as its column headers do.
            System.err.println(e.message().in(Language.EN));
            return null;
        }
        for (ClaimSummary c : latest) {
            table.addRow().addContent(c.id(), c.memberName(), Masking.idNumber(c.idNumber()), c.planCode(),
                    c.eventType() + " " + c.eventDate(), c.status(), Money.yuan(c.computedFen()),
                    c.approvedFen() == null ? "" : Money.yuan(c.approvedFen()));
        }
        table.print(System.out);
        return null;
    }
}
