package org.unionportal.core.internal.backup;

import java.nio.file.Path;
import org.unionportal.api.i18n.Text;

/** What the console and the shell say about backups, in both languages. */
final class BackupTexts {
    private BackupTexts() {
    }

    static Text usePgDump(String database) {
        return Text.of("本门户使用 " + database + " 数据库，门户不自行备份它。请用 pg_dump 备份（运行中即可，结果一致）："
                        + "pg_dump -Fc -U portal portal > portal-$(date +%F).dump；恢复到空库：pg_restore -d portal portal-….dump。"
                        + "详见 README「Backups and restore」。",
                "This portal runs on " + database + ", which the portal does not back up itself. Back it up with pg_dump (consistent "
                        + "while the portal runs): pg_dump -Fc -U portal portal > portal-$(date +%F).dump; restore into an empty "
                        + "database with pg_restore -d portal portal-….dump. See the README, \"Backups and restore\".");
    }

    static Text howToRestore(Path backup) {
        return Text.of("恢复：停止门户，用 " + backup.resolve("portal") + " 替换 data/derby/portal，再启动（README「Backups and restore」）。",
                "To restore: stop the portal, replace data/derby/portal with " + backup.resolve("portal")
                        + ", start it (README, \"Backups and restore\").");
    }
}
