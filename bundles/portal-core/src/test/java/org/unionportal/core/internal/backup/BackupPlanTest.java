package org.unionportal.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.api.time.PortalTime;

class BackupPlanTest {
    private static ZonedDateTime shanghai(String local) {
        return java.time.LocalDateTime.parse(local).atZone(PortalTime.ZONE);
    }

    @Test
    void dailyRunsAtTheTimeInShanghaiTodayOrTomorrow() {
        BackupPlan plan = BackupPlan.of("02:30", 0, 7);
        assertEquals(shanghai("2026-12-02T02:30"), plan.nextAfter(shanghai("2026-12-02T01:00")));
        assertEquals(shanghai("2026-12-03T02:30"), plan.nextAfter(shanghai("2026-12-02T02:30")), "strictly after now");
        // a UTC clock reading: 20:00 UTC is 04:00 the next day in Shanghai
        assertEquals(shanghai("2026-12-03T02:30"), plan.nextAfter(ZonedDateTime.parse("2026-12-01T19:00Z")));
        assertEquals(Duration.ofDays(1), plan.period());
    }

    @Test
    void anIntervalIsAlignedToMidnightSoEveryNodeAimsAtTheSameInstant() {
        BackupPlan plan = BackupPlan.of("02:30", 90, 3);
        assertEquals(shanghai("2026-12-02T01:30"), plan.nextAfter(shanghai("2026-12-02T00:01")));
        assertEquals(shanghai("2026-12-02T03:00"), plan.nextAfter(shanghai("2026-12-02T01:30")));
        assertEquals(Duration.ofMinutes(90), plan.period());
    }

    @Test
    void retentionDeletesAllButTheNewest() {
        BackupPlan plan = BackupPlan.of("02:30", 0, 2);
        List<String> names = List.of("portal-20261201-023000", "portal-20261203-023000", "portal-20261202-023000",
                "portal-20261203-023000-1");
        assertEquals(List.of("portal-20261202-023000", "portal-20261201-023000"), plan.toDelete(names));
        assertEquals(List.of(), BackupPlan.of("02:30", 0, 0).toDelete(List.of("portal-20261201-023000")), "at least one is kept");
    }

    @Test
    void aBadTimeIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackupPlan.of("25:99", 0, 7));
        assertEquals(true, e.getMessage().contains("25:99"));
    }
}
