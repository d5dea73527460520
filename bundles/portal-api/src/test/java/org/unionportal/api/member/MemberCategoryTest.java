package org.unionportal.api.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberCategoryTest {
    @Test
    void categoriesAreReadByCodeLabelOrCommonShortForm() {
        assertEquals(Optional.of(MemberCategory.GIG_WORKER), MemberCategory.parse("gig-worker"));
        assertEquals(Optional.of(MemberCategory.GIG_WORKER), MemberCategory.parse(" 新就业形态劳动者 "));
        assertEquals(Optional.of(MemberCategory.GIG_WORKER), MemberCategory.parse("新就业形态"));
        assertEquals(Optional.of(MemberCategory.DISPATCHED), MemberCategory.parse("劳务派遣"));
        assertEquals(Optional.of(MemberCategory.SANITATION_WORKER), MemberCategory.parse("Sanitation worker"));
        assertEquals(Optional.of(MemberCategory.MODEL_WORKER), MemberCategory.parse("劳动模范"));
        assertEquals(Optional.of(MemberCategory.WORKER_REPRESENTATIVE), MemberCategory.parse("职工代表"));
        assertEquals(Optional.empty(), MemberCategory.parse("退休"));
        assertEquals(Optional.empty(), MemberCategory.parse("  "));
        assertEquals(Optional.empty(), MemberCategory.parse(null));
    }

    @Test
    void everyCategoryAndOccupationHasBothLabels() {
        for (MemberCategory c : MemberCategory.values()) {
            assertTrue(!c.label().zh().isBlank() && !c.label().en().isBlank() && c.code().equals(c.name()), c::name);
            assertEquals(Optional.of(c), MemberCategory.parse(c.label().zh()));
            assertEquals(Optional.of(c), MemberCategory.parse(c.label().en()));
        }
        for (GigOccupation o : GigOccupation.values()) {
            assertEquals(Optional.of(o), GigOccupation.parse(o.label().zh()));
            assertEquals(Optional.of(o), GigOccupation.parse(o.code().toLowerCase()));
        }
        assertEquals(Optional.of(GigOccupation.FOOD_DELIVERY_RIDER), GigOccupation.parse("骑手"));
        assertEquals(Optional.empty(), GigOccupation.parse("厨师"));
    }

    @Test
    void aMemberAlwaysHasItsCategoriesInOneOrder() {
        Member m = new Member(1, "x", "n", null, "M", null, 2, "/1/2/",
                java.util.Set.of(MemberCategory.WORKER_REPRESENTATIVE, MemberCategory.EMPLOYEE), null, MembershipStatus.ACTIVE,
                null, null, null);
        assertTrue(m.has(MemberCategory.EMPLOYEE) && m.active());
        assertEquals(java.util.List.of(MemberCategory.EMPLOYEE, MemberCategory.WORKER_REPRESENTATIVE),
                java.util.List.copyOf(java.util.EnumSet.copyOf(m.categories())));
    }
}
