package org.unionportal.api.scope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;

class DataScopeTest {
    private static final Text GONE = Text.of("没有这个家庭", "No such household");
    private final DataScope liangxi = DataScope.of(new PortalUser(3, "district", "王芳", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN)));

    record Household(long id, String orgPath) {
    }

    @Test
    void coversItsSubtreeOnly() {
        assertTrue(liangxi.covers("/1/2/"));
        assertTrue(liangxi.covers("/1/2/8/"));
        assertFalse(liangxi.covers("/1/"), "not the parent");
        assertFalse(liangxi.covers("/1/3/"), "not a sibling");
        assertFalse(liangxi.covers("/1/22/"), "not an id that starts with the same digits");
        assertFalse(liangxi.covers((String) null));
        assertTrue(DataScope.subtree("/1/").covers(liangxi));
        assertFalse(liangxi.covers(DataScope.subtree("/1/")));
    }

    @Test
    void givesTheSqlConditionWithItsParameter() {
        Condition c = liangxi.on("H.ORG_PATH");
        assertEquals("H.ORG_PATH LIKE ?", c.sql());
        assertEquals("/1/2/%", c.parameter());
        assertEquals(" AND H.ORG_PATH LIKE ?", c.and());
        Where w = liangxi.where("ORG_PATH").and("STATUS = ?", "ON_FILE").andIfPresent("LEVEL = ?", null).andIfPresent("YEAR = ?", 2026);
        assertEquals("WHERE ORG_PATH LIKE ? AND (STATUS = ?) AND (YEAR = ?)", w.sql());
        assertArrayEquals(new Object[] {"/1/2/%", "ON_FILE", 2026}, w.params());
        assertArrayEquals(new Object[] {"/1/2/%", "ON_FILE", 2026, 0L, 50}, w.paramsAnd(0L, 50));
    }

    @Test
    void refusesWhatCouldInjectSql() {
        assertThrows(IllegalArgumentException.class, () -> liangxi.on("ORG_PATH OR 1=1"));
        assertThrows(IllegalArgumentException.class, () -> liangxi.on(""));
        assertThrows(IllegalArgumentException.class, () -> DataScope.subtree("/1/%"));
        assertThrows(IllegalArgumentException.class, () -> DataScope.subtree("1/2/"));
        assertThrows(IllegalArgumentException.class, () -> DataScope.subtree("/1/2"));
        assertThrows(IllegalArgumentException.class, () -> DataScope.subtree(null));
    }

    @Test
    void aRecordOutsideIsNotFoundLikeAMissingOne() {
        Household inside = new Household(1, "/1/2/8/");
        assertSame(inside, liangxi.visible(Optional.of(inside), Household::orgPath, "household_not_found", GONE));
        liangxi.require("/1/2/8/", "household_not_found", GONE);
        ProblemException outside = assertThrows(ProblemException.class,
                () -> liangxi.visible(Optional.of(new Household(2, "/1/3/9/")), Household::orgPath, "household_not_found", GONE));
        ProblemException missing = assertThrows(ProblemException.class,
                () -> liangxi.visible(Optional.<Household>empty(), Household::orgPath, "household_not_found", GONE));
        for (ProblemException p : new ProblemException[] {outside, missing}) {
            assertEquals(404, p.status());
            assertEquals("household_not_found", p.code());
            assertEquals(GONE, p.message());
        }
        assertEquals(404, assertThrows(ProblemException.class, () -> liangxi.require("/1/3/", "x_not_found", GONE)).status());
    }

    @Test
    void noticesOfTheOrganisationsAboveReachTheScope() {
        DataScope kindergarten = DataScope.subtree("/1/2/8/");
        assertEquals(java.util.List.of("/1/", "/1/2/", "/1/2/8/"), kindergarten.ancestry());
        Where where = kindergarten.reachedBy("N.ORG_PATH");
        assertEquals("WHERE N.ORG_PATH IN (?, ?, ?)", where.sql());
        assertArrayEquals(new Object[] {"/1/", "/1/2/", "/1/2/8/"}, where.params());
        assertEquals("WHERE 1 = 0", DataScope.subtree("/").reachedBy("ORG_PATH").sql());
        assertThrows(IllegalArgumentException.class, () -> kindergarten.reachedBy("ORG_PATH; DROP"));
    }
}
