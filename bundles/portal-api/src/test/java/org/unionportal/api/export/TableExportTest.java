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
        // beyond 15 digits a double is written as Java prints it, which is a valid xsd:double for the XLSX <v>
        assertEquals("1.0E20", TableExport.numberText(1e20, false));
        assertEquals(1e20, Double.parseDouble(TableExport.numberText(1e20, false)));
        assertEquals("100000000000000000000", TableExport.numberText(1e20, true), "CSV spells it out");
        assertEquals("0.1", TableExport.numberText(0.1, true));
        assertEquals("A", TableExport.columnName(0));
        assertEquals("Z", TableExport.columnName(25));
        assertEquals("AA", TableExport.columnName(26));
        assertEquals("XFD", TableExport.columnName(16_383));
        assertEquals("Sheet1", TableExport.sheetName("  "));
    }

}
