package org.unionportal.core.internal.backup;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.time.PortalTime;

/**
 * {@code portal:backup}: an online backup of the embedded database now ({@code --list}: the backups kept). On
 * PostgreSQL it says that pg_dump backs the database up, and makes none.
 */
@Command(scope = "portal", name = "backup", description = "Backs up the portal database now (在线备份门户数据库); --list shows the backups")
@Service
public class BackupCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<Text> COLUMNS = List.of(Text.of("备份", "Backup"), Text.of("时间", "Time"), Text.of("大小(MB)", "Size (MB)"));

    @Reference
    Backups backups;

    @Option(name = "--list", description = "List the backups kept instead of making one")
    boolean list;

    @Option(name = "-l", aliases = "--lang", description = "zh or en (default: the system's language)")
    String lang;

    @Override
    public Object execute() {
        Language language = Language.forConsole(lang);
        if (!backups.supported()) {
            System.out.println(BackupTexts.usePgDump(backups.databaseName()).in(language));
            return null;
        }
        if (list) {
            printList(language);
            return null;
        }
        Backups.Backup backup = backups.backupNow();
        System.out.println(Text.of("备份完成：" + backup.folder() + "（" + megabytes(backup.bytes()) + " MB）",
                "Backup done: " + backup.folder() + " (" + megabytes(backup.bytes()) + " MB)").in(language));
        System.out.println(BackupTexts.howToRestore(backup.folder()).in(language));
        return null;
    }

    private void printList(Language language) {
        System.out.println(Text.of("备份目录：" + backups.directory(), "Backup folder: " + backups.directory()).in(language));
        ShellTable table = new ShellTable();
        COLUMNS.forEach(c -> table.column(c.in(language)));
        for (Backups.Backup b : backups.list()) {
            table.addRow().addContent(b.name(), LocalDateTime.ofInstant(b.at(), PortalTime.ZONE).format(TIME), megabytes(b.bytes()));
        }
        table.print(System.out);
        backups.last().filter(run -> !run.ok()).ifPresent(run -> System.out.println(Text.of(
                "最近一次备份失败（" + LocalDateTime.ofInstant(run.at(), PortalTime.ZONE).format(TIME) + "）：" + run.error(),
                "The last backup failed (" + LocalDateTime.ofInstant(run.at(), PortalTime.ZONE).format(TIME) + "): " + run.error()).in(language)));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
