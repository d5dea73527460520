package org.unionportal.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void newTokensAreWellFormedAndDistinct() {
        String a = Tokens.newToken();
        assertTrue(Tokens.wellFormed(a));
        assertNotEquals(a, Tokens.newToken());
        assertEquals(64, Tokens.hash(a).length());
    }

    @Test
    void oddStringsAreNotTokens() {
        assertFalse(Tokens.wellFormed(null));
        assertFalse(Tokens.wellFormed("xxx"));
        assertFalse(Tokens.wellFormed("' OR 1=1 --" + "a".repeat(32)));
    }
}
