package org.unionportal.hardshipaid.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.security.Masking;

/** {@code hardship-aid:households}: households on file or applying, ID numbers masked. */
@Command(scope = "hardship-aid", name = "households", description = "Lists hardship households (困难职工家庭), newest first")
@Service
public class HouseholdsCommand implements Action {
    @Reference(filter = "(" + PortalDatabase.SCHEMA_PROPERTY + "=hardship-aid)")
    PortalDatabase db;

    @Option(name = "--status", description = "APPLIED, RETURNED, ON_FILE, REJECTED or LEFT")
    String status;

    @Option(name = "--limit", description = "at most this many rows (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Head", "ID number", "Status", "Level", "Certificate", "Members", "Next re-check"}) {
            table.column(column);
        }
        db.read(c -> {
            for (Object[] r : Jdbc.list(c, "SELECT H.ID, H.HEAD_NAME, H.HEAD_ID_NUMBER, H.STATUS, H.LEVEL, H.CERTIFICATE_NO, "
                    + "(SELECT COUNT(*) FROM HA_MEMBER M WHERE M.HOUSEHOLD_ID = H.ID AND M.ACTIVE), H.NEXT_REVIEW_DATE FROM HA_HOUSEHOLD H "
                    + "WHERE (CAST(? AS VARCHAR(16)) IS NULL OR H.STATUS = ?) ORDER BY H.ID DESC FETCH FIRST " + Math.max(1, limit)
                    + " ROWS ONLY", rs -> new Object[] {rs.getLong(1), rs.getString(2), Masking.idNumber(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDate(8)}, status, status)) {
                table.addRow().addContent(r);
            }
            return null;
        });
        table.print(System.out);
        return null;
    }
}
