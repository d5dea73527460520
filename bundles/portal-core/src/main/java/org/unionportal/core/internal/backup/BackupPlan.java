package org.unionportal.core.internal.backup;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.unionportal.api.time.PortalTime;

/**
 * When the scheduled backup runs and which backups it keeps: pure, so the rules are unit-tested without a clock
 * or a disk. Either every {@code interval} (when set) or once a day at {@code timeOfDay} in Asia/Shanghai.
 *
 * @param timeOfDay the daily time (Asia/Shanghai) when {@code interval} is null
 * @param interval  every so long instead of daily; null for daily
 * @param keep      how many finished backups to keep (at least 1)
 */
public record BackupPlan(LocalTime timeOfDay, Duration interval, int keep) {
    public BackupPlan {
        keep = Math.max(1, keep);
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            interval = null;
        }
        timeOfDay = timeOfDay == null ? LocalTime.of(2, 30) : timeOfDay;
    }

    /** From the configuration's text: {@code time} "HH:mm", {@code intervalMinutes} (0: daily). */
    public static BackupPlan of(String time, long intervalMinutes, int keep) {
        LocalTime at;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("backup time must be HH:mm, not '" + time + "'", e);
        }
        return new BackupPlan(at, intervalMinutes > 0 ? Duration.ofMinutes(intervalMinutes) : null, keep);
    }

    /** The period between two scheduled backups. */
    public Duration period() {
        return interval != null ? interval : Duration.ofDays(1);
    }

    /** The first scheduled time strictly after {@code now}. */
    public ZonedDateTime nextAfter(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(PortalTime.ZONE);
        if (interval != null) {
            // aligned to midnight, so that every node of a cluster aims at the same instants
            ZonedDateTime midnight = local.toLocalDate().atStartOfDay(PortalTime.ZONE);
            long periods = Duration.between(midnight, local).toMillis() / interval.toMillis() + 1;
            return midnight.plus(interval.multipliedBy(periods));
        }
        ZonedDateTime today = local.toLocalDate().atTime(timeOfDay).atZone(PortalTime.ZONE);
        return today.isAfter(local) ? today : today.plusDays(1);
    }

    /** Of the finished backups' names (which sort by time), those beyond the newest {@code keep}. */
    public List<String> toDelete(List<String> finished) {
        List<String> newestFirst = finished.stream().sorted(Comparator.reverseOrder()).toList();
        return newestFirst.size() <= keep ? List.of() : newestFirst.subList(keep, newestFirst.size());
    }
}
