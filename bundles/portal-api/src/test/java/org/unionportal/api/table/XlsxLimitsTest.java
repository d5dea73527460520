package org.unionportal.api.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XlsxLimitsTest {

    @Test
    void whatAFileMayUnpackToGrowsWithItsSize() {
        assertEquals(XlsxSheetReader.MIN_UNPACKED_BYTES, XlsxSheetReader.unpackedLimit(10_000));
        assertEquals(2_000_000L * XlsxSheetReader.MAX_EXPANSION, XlsxSheetReader.unpackedLimit(2_000_000));
        assertEquals(XlsxSheetReader.MAX_UNPACKED_BYTES, XlsxSheetReader.unpackedLimit(100L << 20));
    }
}
