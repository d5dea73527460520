package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionportal.api.db.Jdbc;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.core.internal.cluster.PolledClusterEvents;
import org.unionportal.persistence.internal.ModuleTestDatabase;

/** Sign-in against the core's own migrations on a real Derby database. */
class AccountsTest {
    private static final String PASSWORD = "Start-1234!";
    private static final int FAILURES_PER_ADDRESS = 3;

    @TempDir
    Path dir;

    private ModuleTestDatabase db;
    private Accounts accounts;

    @BeforeEach
    void firstStart() {
        db = ModuleTestDatabase.create(dir, "portal");
        accounts = new Accounts(db, new PolledClusterEvents(db, "test", Clock.systemUTC()), config(), Clock.systemUTC());
    }

    private String storedHash() {
        return db.read(c -> Jdbc.one(c, "SELECT PASSWORD_HASH FROM PORTAL_USER WHERE USERNAME = 'admin'", rs -> rs.getString(1)))
                .orElseThrow();
    }

    private void storeOldHash() {
        String old = PasswordHasher.hash(PASSWORD, 120_000);
        db.inTransaction(c -> Jdbc.update(c, "UPDATE PORTAL_USER SET PASSWORD_HASH = ? WHERE USERNAME = 'admin'", old));
        assertTrue(storedHash().startsWith("pbkdf2-sha256$120000$"));
    }

    @Test
    void theFirstAdministratorIsHashedWithTheCurrentWorkFactor() {
        assertTrue(storedHash().startsWith("pbkdf2-sha256$600000$"), storedHash());
    }

    @Test
    void anOldHashStillSignsInAndIsMadeAgainWithTheCurrentWorkFactor() {
        storeOldHash();
        accounts.login("admin", PASSWORD);
        String now = storedHash();
        assertTrue(now.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), now);
        assertTrue(PasswordHasher.verify(PASSWORD, now));
        assertFalse(PasswordHasher.needsRehash(now));
        accounts.login("admin", PASSWORD); // and the new one signs in
    }

    @Test
    void theConsolesSignInRehashesToo() {
        storeOldHash();
        assertTrue(accounts.verifyPassword("admin", PASSWORD).isPresent());
        assertTrue(storedHash().startsWith("pbkdf2-sha256$600000$"), storedHash());
    }

    @Test
    void aWrongPasswordLeavesTheOldHash() {
        storeOldHash();
        String old = storedHash();
        assertTrue(accounts.verifyPassword("admin", "wrong").isEmpty());
        assertEquals(old, storedHash());
    }

    @Test
    void aClientAddressThatFailedTooOftenWaitsEvenWithTheRightPassword() {
        for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
            String name = "invented-" + i;
            ProblemException p = assertThrows(ProblemException.class, () -> accounts.login(name, "guess", "203.0.113.9"));
            assertEquals(401, p.status());
        }
        Accounts.RetryLaterException wait = assertThrows(Accounts.RetryLaterException.class,
                () -> accounts.login("admin", PASSWORD, "203.0.113.9"));
        assertEquals(429, wait.status());
        assertTrue(wait.retryAfterSeconds() > 0);
        assertEquals("admin", accounts.login("admin", PASSWORD, "198.51.100.4").user().username(), "another address waits too");
    }

    static Accounts.Config config() {
        return new Accounts.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Accounts.Config.class;
            }

            @Override
            public boolean demo() {
                return false;
            }

            @Override
            public String admin_initialPassword() {
                return PASSWORD;
            }

            @Override
            public int session_idleMinutes() {
                return 120;
            }

            @Override
            public int login_failuresPerAddress() {
                return FAILURES_PER_ADDRESS;
            }
        };
    }
}
