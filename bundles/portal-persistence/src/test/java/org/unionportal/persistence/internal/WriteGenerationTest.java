package org.unionportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;

/** The write generation grows after a committed transaction that changed data, and only then. */
class WriteGenerationTest {
    @TempDir
    Path dir;
    private SqlDatabase database;

    @BeforeEach
    void setUp() {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        database = new SqlDatabase(new DriverManagerDataSource("jdbc:derby:" + dir.resolve("db") + ";create=true"),
                Dialects.forProduct("Apache Derby"));
        database.inTransaction(c -> c.createStatement().executeUpdate("CREATE TABLE W (ID INT PRIMARY KEY, N INT)"));
        database.inTransaction(c -> Jdbc.update(c, "INSERT INTO W VALUES (1, 0)"));
    }

    @Test
    void aTransactionThatOnlyReadsLeavesItAlone() {
        long before = database.writeGeneration();
        long rows = database.inTransaction(c -> Jdbc.count(c, "SELECT COUNT(*) FROM W"));
        assertEquals(1, rows);
        database.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT N FROM W")) {
                return rs.next();
            }
        });
        database.inTransaction(c -> c.createStatement().execute("SELECT ID FROM W"));
        assertEquals(before, database.writeGeneration(), "a reading transaction (like a token check) changed the generation");
    }

    @Test
    void anUpdateThatMatchesNoRowLeavesItAlone() {
        long before = database.writeGeneration();
        assertEquals(0, (int) database.inTransaction(c -> Jdbc.update(c, "UPDATE W SET N = N + 1 WHERE ID = ?", 99)));
        assertEquals(before, database.writeGeneration());
    }

    @Test
    void everyKindOfWriteMovesIt() {
        long g = database.writeGeneration();
        database.inTransaction(c -> Jdbc.update(c, "UPDATE W SET N = N + 1 WHERE ID = ?", 1));
        assertEquals(++g, database.writeGeneration(), "prepared update");
        database.inTransaction(c -> Jdbc.insert(c, "INSERT INTO W (ID, N) VALUES (?, ?)", 2, 0) * 0 + 1);
        assertEquals(++g, database.writeGeneration(), "insert through Jdbc.insert");
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO W (ID, N) VALUES (?, 0)")) {
                ps.setInt(1, 3);
                ps.addBatch();
                ps.setInt(1, 4);
                ps.addBatch();
                return ps.executeBatch().length;
            }
        });
        assertEquals(++g, database.writeGeneration(), "batch");
        database.inTransaction(c -> c.createStatement().execute("DELETE FROM W WHERE ID = 4"));
        assertEquals(++g, database.writeGeneration(), "execute");
        database.inTransaction(c -> c.createStatement().executeUpdate("CREATE INDEX W_N ON W (N)"));
        assertEquals(++g, database.writeGeneration(), "DDL through executeUpdate");
        database.inTransaction(c -> {
            Jdbc.count(c, "SELECT COUNT(*) FROM W");
            return c.prepareStatement("DELETE FROM W WHERE ID = 3").getConnection().createStatement().executeUpdate("DELETE FROM W WHERE ID = 2");
        });
        assertEquals(++g, database.writeGeneration(), "through a statement's connection");
    }

    @Test
    void anUpdatableResultSetCounts() {
        long before = database.writeGeneration();
        database.inTransaction(c -> {
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
                    ResultSet rs = s.executeQuery("SELECT ID, N FROM W FOR UPDATE OF N")) {
                rs.next();
                rs.updateInt(2, 7);
                rs.updateRow();
            }
            return null;
        });
        assertEquals(before + 1, database.writeGeneration());
        assertEquals(7L, (long) database.read(c -> Jdbc.count(c, "SELECT N FROM W WHERE ID = 1")));
    }
}
