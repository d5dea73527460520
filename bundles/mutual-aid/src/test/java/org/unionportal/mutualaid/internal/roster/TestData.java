package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.IdNumbers;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;

/** Valid ID numbers and helpers shared by the roster tests. */
final class TestData {
    /** 无锡市梁溪区. */
    static final String AREA = "320213";

    private TestData() {
    }

    /** A valid ID number for someone born on {@code birth}; odd sequence for men. */
    static String id(LocalDate birth, int sequence) {
        return IdNumbers.of(AREA, birth, sequence);
    }

    static String man(int n) {
        return IdNumbers.of(AREA, LocalDate.of(1980, 1, 1).plusDays(n % 9000), (2 * n + 1) % 1000);
    }

    static String woman(int n) {
        return IdNumbers.of(AREA, LocalDate.of(1982, 5, 1).plusDays(n % 9000), (2 * n) % 1000);
    }

    static ParsedRoster read(String text, Charset cs, String fileName) {
        return RosterReader.read(new ByteArrayInputStream(text.getBytes(cs)), fileName);
    }

    static ParsedRoster read(byte[] bytes, String fileName) {
        return RosterReader.read(new ByteArrayInputStream(bytes), fileName);
    }
}
