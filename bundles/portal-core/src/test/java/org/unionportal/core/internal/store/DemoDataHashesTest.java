package org.unionportal.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionportal.api.db.Jdbc;
import org.unionportal.core.internal.security.PasswordHasher;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The demo users' precomputed password hashes are real ones: the demo password, the full work factor, own salts. */
class DemoDataHashesTest {
    record Stored(String username, String hash) {
    }

    @Test
    void everyDemoUserSignsInWithTheDemoPasswordAndNeedsNoRehash() {
        ModuleTestDatabase db = ModuleTestDatabase.inMemory("portal");
        db.inTransaction(c -> {
            DemoData.seed(c);
            return null;
        });
        List<Stored> users = db.read(c -> Jdbc.list(c, "SELECT USERNAME, PASSWORD_HASH FROM PORTAL_USER",
                rs -> new Stored(rs.getString(1), rs.getString(2))));

        assertEquals(DemoData.DEMO_HASHES.keySet(), Set.copyOf(users.stream().map(Stored::username).toList()),
                "every seeded user has its own precomputed hash, and no hash is left over");
        Set<String> salts = new HashSet<>();
        for (Stored u : users) {
            // needsRehash fails here first when PasswordHasher.ITERATIONS changes: make the hashes again (see DemoData)
            assertFalse(PasswordHasher.needsRehash(u.hash()), () -> u.username() + ": made with another work factor");
            assertTrue(PasswordHasher.verify(DemoData.PASSWORD, u.hash()), () -> u.username() + ": not the demo password");
            salts.add(u.hash().split("\\$")[2]);
        }
        assertEquals(users.size(), salts.size(), "a salt of its own for every user");
    }
}
