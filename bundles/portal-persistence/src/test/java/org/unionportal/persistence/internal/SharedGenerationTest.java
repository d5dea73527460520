package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.unionportal.api.db.Jdbc;

/**
 * On PostgreSQL two portal processes (here two {@link SqlDatabase}s with pools of their own) see one write generation:
 * a node's write makes the other drop what it kept. Runs with {@code -Dunionportal.test.postgresql=...} only.
 */
@EnabledIfSystemProperty(named = ModuleTestDatabase.POSTGRESQL_PROPERTY, matches = ".+")
class SharedGenerationTest {
    @Test
    void aWriteOnOneNodeMovesTheOtherNodesGeneration() {
        String url = System.getProperty(ModuleTestDatabase.POSTGRESQL_PROPERTY).strip();
        SqlDatabase a = new SqlDatabase(new DriverManagerDataSource(url), Dialects.forProduct("PostgreSQL"));
        SqlDatabase b = new SqlDatabase(new DriverManagerDataSource(url), Dialects.forProduct("PostgreSQL"));
        a.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE IF NOT EXISTS SHARED_GENERATION_TEST (N INT)"));
        long seenByB = b.writeGeneration();
        assertEquals(seenByB, b.writeGeneration(), "moved without a write");
        a.inTransaction(c -> Jdbc.update(c, "INSERT INTO SHARED_GENERATION_TEST VALUES (1)"));
        assertNotEquals(seenByB, b.writeGeneration(), "node b kept its generation after node a wrote");
        long now = b.writeGeneration();
        a.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM SHARED_GENERATION_TEST"));
        assertEquals(now, b.writeGeneration(), "a read moved it");
    }
}
