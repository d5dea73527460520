package org.unionportal.api.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTest {
    static Member with(Set<MemberCategory> categories) {
        return new Member(1, "320202199207150021", "陈静", null, "F", LocalDate.of(1992, 7, 15), 2, "/1/2/", categories, null,
                MembershipStatus.ACTIVE, null, null, null);
    }

    @Test
    void categoriesAreListedInTheEnumsOrderWhateverTheSetGiven() {
        // Set.of's iteration order depends on a per-run salt: every ordering of the input must come out the same
        List<MemberCategory> expected = List.of(MemberCategory.EMPLOYEE, MemberCategory.GIG_WORKER,
                MemberCategory.WORKER_REPRESENTATIVE);
        for (Set<MemberCategory> given : List.of(Set.of(MemberCategory.WORKER_REPRESENTATIVE, MemberCategory.GIG_WORKER,
                MemberCategory.EMPLOYEE), new java.util.LinkedHashSet<>(List.of(MemberCategory.GIG_WORKER,
                MemberCategory.WORKER_REPRESENTATIVE, MemberCategory.EMPLOYEE)))) {
            assertEquals(expected, List.copyOf(with(given).categories()));
        }
        assertThrows(UnsupportedOperationException.class, () -> with(Set.of(MemberCategory.EMPLOYEE)).categories().clear());
    }
}
