package org.unionportal.core.internal.switches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.core.internal.switches.SwitchRules.OnOutcome;

class SwitchRulesTest {
    // city /1/, 梁溪区 /1/2/, a union under it /1/2/5/, 滨湖区 /1/3/
    private static final String CITY = "/1/";
    private static final String LIANGXI = "/1/2/";
    private static final String KINDERGARTEN = "/1/2/5/";
    private static final String BINHU = "/1/3/";

    private static Marker marker(long orgId, String path, String module) {
        return new Marker(orgId, path, "org" + orgId, module, "someone", Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void aMarkerSwitchesTheModuleOffForItsWholeSubtreeOnly() {
        List<Marker> markers = List.of(marker(2, LIANGXI, "hardship-aid"));
        assertTrue(SwitchRules.isOff(markers, "hardship-aid", LIANGXI));
        assertTrue(SwitchRules.isOff(markers, "hardship-aid", KINDERGARTEN));
        assertFalse(SwitchRules.isOff(markers, "hardship-aid", BINHU), "another district keeps it");
        assertFalse(SwitchRules.isOff(markers, "hardship-aid", CITY), "the city above keeps it");
        assertFalse(SwitchRules.isOff(markers, "mutual-aid", KINDERGARTEN), "other modules stay on");
    }

    @Test
    void aPathPrefixThatIsNotAnAncestorDoesNotCount() {
        // /1/2/ must not switch off /1/23/
        List<Marker> markers = List.of(marker(2, LIANGXI, "m"));
        assertFalse(SwitchRules.isOff(markers, "m", "/1/23/"));
    }

    @Test
    void theHighestMarkerIsTheOneReported() {
        List<Marker> markers = List.of(marker(2, LIANGXI, "m"), marker(1, CITY, "m"), marker(5, KINDERGARTEN, "m"));
        assertEquals(1, SwitchRules.offBy(markers, "m", KINDERGARTEN).orElseThrow().orgId());
        assertEquals(1, SwitchRules.offBy(markers, "m", BINHU).orElseThrow().orgId());
    }

    @Test
    void onlyOrganisationsInsideTheOwnSubtreeMayBeChanged() {
        assertTrue(SwitchRules.mayChange(LIANGXI, LIANGXI));
        assertTrue(SwitchRules.mayChange(LIANGXI, KINDERGARTEN));
        assertFalse(SwitchRules.mayChange(LIANGXI, CITY), "a district cannot touch the city");
        assertFalse(SwitchRules.mayChange(BINHU, LIANGXI), "nor another district");
        assertTrue(SwitchRules.mayChange(CITY, BINHU));
    }

    @Test
    void switchingOnClearsTheOwnMarkerButNotOneAbove() {
        List<Marker> own = List.of(marker(2, LIANGXI, "m"));
        assertEquals(OnOutcome.CLEARED, SwitchRules.switchOn(own, "m", 2, LIANGXI));
        assertEquals(OnOutcome.OFF_ABOVE, SwitchRules.switchOn(own, "m", 5, KINDERGARTEN));
        assertEquals(OnOutcome.ALREADY_ON, SwitchRules.switchOn(own, "m", 3, BINHU));

        List<Marker> cityAndOwn = List.of(marker(1, CITY, "m"), marker(2, LIANGXI, "m"));
        assertEquals(OnOutcome.CLEARED_STILL_OFF_ABOVE, SwitchRules.switchOn(cityAndOwn, "m", 2, LIANGXI));
        assertEquals(OnOutcome.OFF_ABOVE, SwitchRules.switchOn(List.of(marker(1, CITY, "m")), "m", 2, LIANGXI));
        assertEquals(OnOutcome.CLEARED, SwitchRules.switchOn(List.of(marker(1, CITY, "m")), "m", 1, CITY));
    }

    @Test
    void theOwnMarkerIsFoundByOrganisationAndModule() {
        List<Marker> markers = List.of(marker(2, LIANGXI, "a"), marker(3, BINHU, "b"));
        assertTrue(SwitchRules.own(markers, "a", 2).isPresent());
        assertTrue(SwitchRules.own(markers, "a", 3).isEmpty());
        assertTrue(SwitchRules.own(markers, "b", 2).isEmpty());
    }
}
