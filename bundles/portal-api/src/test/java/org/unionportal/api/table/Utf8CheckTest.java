package org.unionportal.api.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8CheckTest {
    private static boolean valid(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        Spool.Utf8Check c = new Spool.Utf8Check();
        // fed one byte at a time, to cross chunk boundaries everywhere
        for (byte x : b) {
            c.update(new byte[] {x}, 1);
        }
        return c.finish();
    }

    private static boolean valid(byte[] b) {
        Spool.Utf8Check c = new Spool.Utf8Check();
        c.update(b, b.length);
        return c.finish();
    }

    @Test
    void strictUtf8() {
        assertEquals(true, valid("姓名,身份证号 😀 abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, valid(0xE5, 0xA7, 0x93));
        assertEquals(false, valid(0xE5, 0xA7), "truncated at the end");
        assertEquals(false, valid(0xC0, 0xAF), "overlong");
        assertEquals(false, valid(0xED, 0xA0, 0x80), "surrogate");
        assertEquals(false, valid(0xF4, 0x90, 0x80, 0x80), "above U+10FFFF");
        assertEquals(false, valid(0x80), "lone continuation");
        assertEquals(false, valid("姓名,身份证号,性别".getBytes(Charset.forName("GB18030"))));
    }
}
