package org.unionportal.hardshipaid.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.hardshipaid.internal.rules.Item;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The standards table on a real Derby database with the module's migrations. */
class StandardStoreTest {
    @TempDir
    Path dir;

    private ModuleTestDatabase db;

    @BeforeEach
    void database() {
        db = ModuleTestDatabase.create(dir, "hardship-aid");
    }

    @Test
    void anItemNeverPaidHasNoLastDueDateAndTakesAProposal() {
        // proposing a standard first asks for the last due date paid; for an item never paid that was a 500 (NPE)
        assertEquals(Optional.empty(), db.read(c -> StandardStore.lastDueDate(c, Item.SUMMER_HEAT)));
        long id = db.inTransaction(c -> StandardStore.propose(c, Item.SUMMER_HEAT, 25_000L, LocalDate.of(2027, 1, 1), "admin", null));
        StandardStore.Row row = db.read(c -> StandardStore.find(c, id)).orElseThrow();
        assertEquals(org.unionportal.hardshipaid.internal.rules.ApprovalStatus.PROPOSED, row.status());
        assertEquals(25_000L, row.amountFen());
    }
}
