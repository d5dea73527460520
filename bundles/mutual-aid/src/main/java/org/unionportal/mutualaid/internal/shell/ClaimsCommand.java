package org.unionportal.mutualaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.rest.Paging;
import org.unionportal.api.security.Masking;
import org.unionportal.mutualaid.internal.store.ClaimSummary;
import org.unionportal.mutualaid.internal.store.ClaimStore;

/** {@code mutual-aid:claims [-s STATUS]}: the latest claims of the whole city, personal data masked. */
@Command(scope = "mutual-aid", name = "claims", description = "Lists the latest mutual-aid claims (理赔)")
@Service
public class ClaimsCommand implements Action {
    @Reference(filter = "(" + PortalDatabase.SCHEMA_PROPERTY + "=mutual-aid)")
    PortalDatabase db;

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
        String wanted = status == null ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        for (ClaimSummary c : db.read(conn -> ClaimStore.page(conn, "/%", wanted, null, 0, Math.max(1, Math.min(Paging.MAX_SIZE, max))))) {
            table.addRow().addContent(c.id(), c.memberName(), Masking.idNumber(c.idNumber()), c.planCode(),
                    c.eventType() + " " + c.eventDate(), c.status(), Shell.yuan(c.computedFen()),
                    c.approvedFen() == null ? "" : Shell.yuan(c.approvedFen()));
        }
        table.print(System.out);
        return null;
    }
}
