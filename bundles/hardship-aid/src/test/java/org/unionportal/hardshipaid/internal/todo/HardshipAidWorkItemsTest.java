package org.unionportal.hardshipaid.internal.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.identity.IdNumbers;
import org.unionportal.api.org.OrganisationInfo;
import org.unionportal.api.security.PortalUser;
import org.unionportal.api.security.Role;
import org.unionportal.api.time.PortalTime;
import org.unionportal.api.todo.WorkItem;
import org.unionportal.hardshipaid.internal.rules.HouseholdForm;
import org.unionportal.hardshipaid.internal.store.HouseholdStore;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The home page's hardship-aid counts: per status, re-checks due within 30 days, only in the caller's subtree. */
class HardshipAidWorkItemsTest {
    private static final OrganisationInfo LIANGXI_UNION = new OrganisationInfo(8, 2L, "梁溪区环卫所工会", "GRASSROOTS", "/1/2/8/");
    private static final OrganisationInfo BINHU_UNION = new OrganisationInfo(9, 3L, "滨湖区某工会", "GRASSROOTS", "/1/3/9/");
    private static final PortalUser DISTRICT = new PortalUser(3, "district", "district", 2, "/1/2/", Set.of(Role.DISTRICT_ADMIN));
    private static final PortalUser OPERATOR = new PortalUser(5, "operator", "operator", 8, "/1/2/8/", Set.of(Role.UNION_OPERATOR));
    private static final PortalUser MEMBER = new PortalUser(6, "member", "member", 8, "/1/2/8/", Set.of(Role.MEMBER));

    @TempDir
    Path dir;
    private ModuleTestDatabase db;
    private final HardshipAidWorkItems items = new HardshipAidWorkItems();
    private int births;

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "hardship-aid");
        items.db = db;
        LocalDate today = PortalTime.SYSTEM.today();
        for (OrganisationInfo org : List.of(LIANGXI_UNION, BINHU_UNION)) {
            household(org, "APPLIED", null);
            household(org, "APPLIED", null);
            household(org, "RETURNED", null);
            household(org, "ON_FILE", today.plusDays(30));    // due: the last day of the notice
            household(org, "ON_FILE", today.plusDays(31));    // not yet
            household(org, "ON_FILE", today.minusDays(3));    // overdue counts too
            batch(org, "DRAFT");
            batch(org, "APPROVED");
        }
    }

    @Test
    void districtStaffSeeTheirSubtreesApplicationsBatchesAndDueRechecks() {
        Map<String, Long> counts = counts(DISTRICT);
        assertEquals(Map.of("hardship-aid.households.toReview", 2L, "hardship-aid.batches.toApprove", 1L,
                "hardship-aid.households.recheckDue", 2L), counts);
    }

    @Test
    void operatorsSeeTheirReturnedApplicationsAndOthersNothing() {
        assertEquals(Map.of("hardship-aid.households.returned", 1L), counts(OPERATOR));
        assertEquals(Map.of(), counts(MEMBER));
    }

    private Map<String, Long> counts(PortalUser user) {
        return items.itemsFor(user).stream().collect(Collectors.toMap(WorkItem::code, WorkItem::count));
    }

    private void household(OrganisationInfo org, String status, LocalDate nextReview) {
        births++;
        HouseholdForm f = new HouseholdForm(org.id(), "某路", null, List.of("ILLNESS"), null, "HARDSHIP", "BANK", "工行",
                "6222020302000000001", "AX1", List.of(new HouseholdForm.MemberForm("户主", IdNumbers.of("320202",
                LocalDate.of(1970, 1, 1).plusDays(births), births), "SELF", 100_000L, null, null, null)));
        long id = db.inTransaction(c -> HouseholdStore.insert(c, f, org, "operator"));
        db.inTransaction(c -> Jdbc.update(c, "UPDATE HA_HOUSEHOLD SET STATUS = ?, NEXT_REVIEW_DATE = ? WHERE ID = ?", status,
                nextReview == null ? null : java.sql.Date.valueOf(nextReview), id));
    }

    private void batch(OrganisationInfo org, String status) {
        db.inTransaction(c -> Jdbc.insert(c, "INSERT INTO HA_BATCH (KIND, PERIOD, STATUS, ORG_PATH, DUE_DATE, CREATED_BY, CREATED_AT) "
                + "VALUES ('QUARTER', '2026Q1', ?, ?, ?, 'district', ?)", status, org.path(), java.sql.Date.valueOf(LocalDate.of(2026, 1, 10)),
                java.sql.Timestamp.from(Instant.now())));
    }
}
