package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = PasswordHasher.hash("demo1234");
        assertTrue(PasswordHasher.verify("demo1234", hash));
        assertFalse(PasswordHasher.verify("demo12345", hash));
        assertFalse(PasswordHasher.verify("", hash));
        assertFalse(PasswordHasher.verify(null, hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
    }

    @Test
    void storesTheWorkFactor() {
        assertTrue(PasswordHasher.hash("x").startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
    }

    @Test
    void rejectsMalformedStoredHashes() {
        assertFalse(PasswordHasher.verify("x", "plain-text"));
        assertFalse(PasswordHasher.verify("x", "pbkdf2-sha256$abc$$"));
        assertFalse(PasswordHasher.verify("x", "md5$1$a$b"));
    }

    @Test
    void anOlderWorkFactorStillVerifiesAndAsksForARehash() {
        String old = PasswordHasher.hash("demo1234", 120_000);
        assertTrue(old.startsWith("pbkdf2-sha256$120000$"));
        assertTrue(PasswordHasher.verify("demo1234", old));
        assertFalse(PasswordHasher.verify("demo12345", old));
        assertTrue(PasswordHasher.needsRehash(old));
        assertFalse(PasswordHasher.needsRehash(PasswordHasher.hash("demo1234")));
        assertTrue(PasswordHasher.needsRehash("plain-text"));
        assertTrue(PasswordHasher.needsRehash(null));
    }

    @Test
    void theDummyHashOfUnknownUsersCostsAFullDerivationAndMatchesNothing() {
        String dummy = PasswordHasher.dummyHash();
        assertTrue(dummy.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
        assertFalse(PasswordHasher.needsRehash(dummy));
        assertFalse(PasswordHasher.verify("", dummy));
        assertFalse(PasswordHasher.verify("demo1234", dummy));
    }

    @Test
    void theWorkFactorIsOwaspsForPbkdf2Sha256() {
        assertEquals(600_000, PasswordHasher.ITERATIONS);
    }
}
