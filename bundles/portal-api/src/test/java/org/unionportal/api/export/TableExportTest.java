package org.unionportal.api.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The number and name rules of the writer; round trips through a reader are tested in the modules. */
class TableExportTest {
    @Test
    void bigIntegersBecomeTextAndOddNumbersSurvive() {
        assertEquals(null, TableExport.numberText(320213198001011234L, false));
        assertEquals("999999999999999", TableExport.numberText(999_999_999_999_999L, false));
        assertEquals(null, TableExport.numberText(Double.NaN, false));
        assertEquals("1E+20", TableExport.numberText(1e20, false).replace(".0", "").replace("E20", "E+20"));
        assertEquals("0.1", TableExport.numberText(0.1, true));
        assertEquals("A", TableExport.columnName(0));
        assertEquals("Z", TableExport.columnName(25));
        assertEquals("AA", TableExport.columnName(26));
        assertEquals("XFD", TableExport.columnName(16_383));
        assertEquals("Sheet1", TableExport.sheetName("  "));
    }

}
