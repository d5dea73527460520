package org.unionportal.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EscapingTest {
    @Test
    void urlEncodesQueryValues() {
        assertEquals("a+b%26c%3D%E5%B7%A5", Escaping.url("a b&c=工"));
    }
}
