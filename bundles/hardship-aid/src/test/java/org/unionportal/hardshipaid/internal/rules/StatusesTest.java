package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Labelled;

/** Status enums: codes are the stored and sent values, labels differ by language, and the household's state machine. */
class StatusesTest {
    @Test
    void codesAreTheStoredNamesAndLabelsAreInBothLanguages() {
        for (List<? extends Labelled> values : List.of(List.of(HouseholdStatus.values()), List.of(BatchStatus.values()),
                List.of(PaymentStatus.values()), List.of(ApprovalStatus.values()), List.of(Level.values()), List.of(Channel.values()),
                List.of(Stage.values()), List.of(Cause.values()), List.of(Relation.values()), List.of(FileLevel.values()),
                List.of(Item.values()), List.of(BatchKind.values()))) {
            for (Labelled l : values) {
                assertEquals(((Enum<?>) l).name(), l.code());
                assertFalse(l.label().zh().isBlank());
                assertFalse(l.label().zh().equals(l.label().en()), l.code());
            }
        }
    }

    @Test
    void whoMayChangeAHouseholdFollowsItsStatus() {
        assertTrue(HouseholdStatus.APPLIED.editableBy(false));
        assertTrue(HouseholdStatus.RETURNED.editableBy(false));
        assertFalse(HouseholdStatus.ON_FILE.editableBy(false));
        assertTrue(HouseholdStatus.ON_FILE.editableBy(true));
        assertFalse(HouseholdStatus.REJECTED.editableBy(true));
        assertFalse(HouseholdStatus.LEFT.editableBy(true));
        assertTrue(HouseholdStatus.LEFT.everOnFile());
        assertFalse(HouseholdStatus.APPLIED.everOnFile());
        assertTrue(HouseholdStatus.ON_FILE.active());
        assertFalse(HouseholdStatus.REJECTED.active());
    }
}
