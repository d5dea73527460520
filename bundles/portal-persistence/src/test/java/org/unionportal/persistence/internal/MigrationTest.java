package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    @Test
    void readsVersionAndDescriptionFromFileName() {
        Migration m = Migration.of("V12__create_items.sql", "").orElseThrow();
        assertEquals(12, m.version());
        assertEquals("create items", m.description());
    }

    @Test
    void rejectsNamesThatDoNotFit() {
        assertTrue(Migration.of("create.sql", "").isEmpty());
        assertTrue(Migration.of("V1_missing_double_underscore.sql", "").isEmpty());
        assertTrue(Migration.of("V1__x.txt", "").isEmpty());
    }

    @Test
    void splitsStatementsAtLineEndingSemicolonsAndDropsComments() {
        String sql = """
                -- the items
                CREATE TABLE A (
                  ID INT, NOTE VARCHAR(10) DEFAULT 'a;b'
                );
                INSERT INTO A (ID) VALUES (1);
                
                INSERT INTO A (ID) VALUES (2)
                """;
        List<String> statements = Migration.of("V1__a.sql", sql).orElseThrow().statements();
        assertEquals(3, statements.size());
        assertTrue(statements.get(0).startsWith("CREATE TABLE A ("));
        assertTrue(statements.get(0).contains("'a;b'"));
        assertEquals("INSERT INTO A (ID) VALUES (1)", statements.get(1));
        assertEquals("INSERT INTO A (ID) VALUES (2)", statements.get(2));
    }

    @Test
    void checksumFollowsContent() {
        assertEquals(Migration.of("V1__a.sql", "x").orElseThrow().checksum(),
                Migration.of("V1__b.sql", "x").orElseThrow().checksum());
        assertNotEquals(Migration.of("V1__a.sql", "x").orElseThrow().checksum(),
                Migration.of("V1__a.sql", "y").orElseThrow().checksum());
    }
}
