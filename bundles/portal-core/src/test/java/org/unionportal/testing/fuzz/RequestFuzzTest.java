package org.unionportal.testing.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** The harness itself fails where it must: an unmapped exception, an overflow, a half-written change, a one-language problem. */
class RequestFuzzTest {
    record Body(String name, long amountFen) {
    }

    private static final String GOOD = "{\"name\": \"张三\", \"amountFen\": 100}";

    @TempDir
    Path dir;
    private ModuleTestDatabase db;
    private RequestFuzz fuzz;

    @BeforeEach
    void setUp() {
        db = ModuleTestDatabase.create(dir, "portal");
        fuzz = RequestFuzz.on(db);
    }

    private void writeAnOrganisation() {
        db.inTransaction(c -> Jdbc.insert(c, "INSERT INTO PORTAL_ORGANISATION (PARENT_ID, NAME, KIND, PATH, CREATED_AT) VALUES (NULL, ?, 'CITY', '/x/', ?)", "半截", java.time.Instant.now()));
    }

    @Test
    void successAndMappedProblemsPass() {
        assertEquals("accepted", fuzz.send(GOOD, Body.class, b -> { }).kind());
        assertEquals("refused as JSON body_invalid", fuzz.send("{\"name\": 1}", Body.class, b -> { }).toString());
        assertEquals("refused by the service name_invalid", fuzz.send(GOOD, Body.class, b -> {
            throw new ProblemException(422, "name_invalid", Text.of("姓名无效", "The name is not valid."));
        }).toString());
    }

    @Test
    void whatWouldBeA500Fails() {
        AssertionError npe = assertThrows(AssertionError.class, () -> fuzz.send(GOOD, Body.class, b -> b.name().substring(99)));
        assertTrue(npe.getMessage().startsWith("Would be a 500"), npe.getMessage());
        AssertionError overflow = assertThrows(AssertionError.class,
                () -> fuzz.send(GOOD, Body.class, b -> Math.multiplyExact(b.amountFen(), Long.MAX_VALUE)));
        assertTrue(overflow.getMessage().contains("overflow"), overflow.getMessage());
    }

    @Test
    void aRefusalAfterAWriteFails() {
        AssertionError halfWritten = assertThrows(AssertionError.class, () -> fuzz.send(GOOD, Body.class, b -> {
            writeAnOrganisation();
            throw new ProblemException(409, "too_late", Text.of("晚了", "Too late."));
        }));
        // PostgreSQL names its tables in lower case
        assertTrue(halfWritten.getMessage().toUpperCase(java.util.Locale.ROOT).contains("PORTAL_ORGANISATION"), halfWritten.getMessage());
    }

    @Test
    void aProblemInOneLanguageOnlyFails() {
        assertThrows(AssertionError.class, () -> fuzz.send(GOOD, Body.class, b -> {
            throw new ProblemException(422, "name_invalid", Text.of("", "The name is not valid."));
        }));
    }

    @Test
    void hostileBodiesChangeOneFieldOfTheExampleAtATime() {
        Gen<String> bodies = HostileBodies.mutating(Body.class, GOOD);
        Random random = new Random(FuzzTries.DEFAULT_SEED);
        long changedBoth = Stream.generate(() -> bodies.next(random)).limit(200).filter(json -> !json.contains("张三") && !json.contains(":100")).count();
        long changed = Stream.generate(() -> bodies.next(random)).limit(200).filter(json -> !json.equals("{\"name\":\"张三\",\"amountFen\":100}")).count();
        assertTrue(changed > 150, "most bodies differ from the example: " + changed);
        assertTrue(changedBoth < 40, "mostly one field at a time (the rest are whole-body changes): " + changedBoth);
    }

    @Test
    void theSameSeedGivesTheSameBodies() {
        Gen<String> bodies = HostileBodies.forRecord(Body.class);
        Random first = FuzzTries.random(7, 3);
        Random again = FuzzTries.random(7, 3);
        for (int i = 0; i < 50; i++) {
            assertEquals(bodies.next(first), bodies.next(again), "a case is replayed by its seed");
        }
    }

    @Test
    void aFailingTryNamesItsSeedAndIndex() throws Throwable {
        java.util.List<org.junit.jupiter.api.DynamicTest> cases = FuzzTries.of("always refused", r -> {
            throw new AssertionError("Would be a 500; body: {}");
        }).toList();
        assertEquals(FuzzTries.tries() + 1, cases.size(), "the tries and a summary");
        AssertionError failure = assertThrows(AssertionError.class, () -> cases.get(2).getExecutable().execute());
        assertTrue(failure.getMessage().contains("case #2 of -Dfuzz.seed=" + FuzzTries.seed()), failure.getMessage());
        assertTrue(failure.getMessage().contains("body: {}"), failure.getMessage());
    }
}
