package org.unionportal.mutualaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.scope.DataScope;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.mutualaid.internal.testdb.TestDatabase;

/** The figures roll up one grouped query into the total, the plans and each organisation's subtree. */
class FiguresTest {
    @TempDir
    Path dir;

    @Test
    void enrolmentsOverlappingTheYearAreCountedPerPlanAndPerSubtree() {
        TestDatabase db = TestDatabase.create(dir);
        long a = db.plan("A", "甲项目");
        long b = db.plan("B", "乙项目");
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        db.enrolment(a, "A", db.member("一", "ID1", null, "/1/2/8/"), "/1/2/8/", start, end, "ACTIVE");
        db.enrolment(a, "A", db.member("二", "ID2", null, "/1/2/9/"), "/1/2/9/", start, end, "ACTIVE");
        db.enrolment(b, "B", db.member("三", "ID3", null, "/1/3/"), "/1/3/", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), "ACTIVE");
        db.enrolment(b, "B", db.member("四", "ID4", null, "/1/3/"), "/1/3/", start, end, "CANCELLED");
        db.enrolment(b, "B", db.member("五", "ID5", null, "/1/3/"), "/1/3/", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "ACTIVE");
        db.enrolment(a, "A", db.member("六", "ID6", null, "/9/"), "/9/", start, end, "ACTIVE");   // another city
        PortalUser city = new PortalUser(1, "admin", "admin", 1, "/1/", Set.of(Role.PLATFORM_ADMIN));
        List<OrganisationInfo> districts = List.of(new OrganisationInfo(2, 1L, "梁溪", "DISTRICT", "/1/2/"),
                new OrganisationInfo(3, 1L, "滨湖", "DISTRICT", "/1/3/"));
        Map<String, Object> f = db.read(c -> FiguresStore.figures(c, DataScope.of(city), districts, 2026, start, end));
        assertEquals(3L, ((Map<?, ?>) f.get("total")).get("enrolments"));
        List<?> byPlan = (List<?>) f.get("byPlan");
        assertEquals(List.of("A", "B"), byPlan.stream().map(r -> ((Map<?, ?>) r).get("planCode")).toList());
        assertEquals(2L, ((Map<?, ?>) byPlan.get(0)).get("enrolments"));
        assertEquals("甲项目", ((Map<?, ?>) byPlan.get(0)).get("planNameZh"));
        assertEquals("A", ((Map<?, ?>) byPlan.get(0)).get("planNameEn"), "the English page's name (the test plans' English name is their code)");
        assertEquals(1L, ((Map<?, ?>) byPlan.get(1)).get("enrolments"));
        List<?> byOrg = (List<?>) f.get("byOrganisation");
        assertEquals(2L, ((Map<?, ?>) byOrg.get(0)).get("enrolments"));
        assertEquals(1L, ((Map<?, ?>) byOrg.get(1)).get("enrolments"));
        assertEquals(0L, ((Map<?, ?>) byOrg.get(1)).get("payouts"));
    }
}
