package org.unionportal.api.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PortalTimeTest {
    @Test
    void todayIsTheShanghaiDateWhateverTheClocksZone() {
        // 2026-06-01 17:30 UTC is already 2 June 01:30 in Shanghai.
        Instant lateEveningUtc = Instant.parse("2026-06-01T17:30:00Z");
        PortalTime time = PortalTime.of(Clock.fixed(lateEveningUtc, ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 6, 2), time.today());
        assertEquals(LocalDateTime.of(2026, 6, 2, 1, 30), time.localNow());
        assertEquals(lateEveningUtc, time.now());
        assertEquals(PortalTime.ZONE, time.clock().getZone());
    }

    @Test
    void aFixedDayStandsStill() {
        PortalTime time = PortalTime.fixedAt(LocalDate.of(2026, 12, 31));
        assertEquals(LocalDate.of(2026, 12, 31), time.today());
        assertEquals(2026, time.year());
        assertEquals(time.now(), time.now());
    }

    @Test
    void daysBeginAtShanghaiMidnight() {
        assertEquals(Instant.parse("2026-05-31T16:00:00Z"), PortalTime.startOf(LocalDate.of(2026, 6, 1)));
        assertEquals(LocalDate.of(2026, 6, 1), PortalTime.dateOf(Instant.parse("2026-05-31T16:00:00Z")));
        assertEquals(LocalDate.of(2026, 5, 31), PortalTime.dateOf(Instant.parse("2026-05-31T15:59:59Z")));
    }
}
