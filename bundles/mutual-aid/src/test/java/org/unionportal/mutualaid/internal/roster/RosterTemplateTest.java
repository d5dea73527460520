package org.unionportal.mutualaid.internal.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class RosterTemplateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void bothTemplatesReadBackAsOneExampleRowThatPassesEveryCheck() {
        for (String name : List.of("t.csv", "t.xlsx")) {
            byte[] file = name.endsWith(".csv") ? RosterTemplate.csv() : RosterTemplate.xlsx();
            ParsedRoster parsed = RosterReader.read(new ByteArrayInputStream(file), name);
            assertEquals(List.of(), parsed.problems(), name);
            assertEquals(1, parsed.rows().size(), name);
            RosterRow example = parsed.rows().get(0);
            assertEquals(new RosterRow(2, RosterTemplate.EXAMPLE.get(0), "320202198503070022", "13800001234", "F", "EMPLOYEE",
                    true, true), example, name);
            assertEquals(List.of(), RosterChecks.check(parsed.rows(), TODAY, Set.of(), null), name);
        }
    }

    @Test
    void theXlsxTemplateOffersDropDownsForGenderCategoryAndYesNoAndKeepsIdNumbersAsText() throws IOException {
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(RosterTemplate.xlsx()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(sheet != null);
        assertTrue(sheet.contains("sqref=\"D2:D5001\"><formula1>\"男,女\"</formula1>"), sheet);
        assertTrue(sheet.contains("sqref=\"E2:E5001\"><formula1>\"在职职工,劳务派遣工,新就业形态劳动者,劳模\"</formula1>"), sheet);
        assertTrue(sheet.contains("sqref=\"F2:F5001\"><formula1>\"是,否\"</formula1>"), sheet);
        assertTrue(sheet.contains("sqref=\"G2:G5001\"><formula1>\"是,否\"</formula1>"), sheet);
        assertTrue(sheet.contains("<col min=\"2\" max=\"2\" width=\"22\" customWidth=\"1\" style=\"1\"/>"), "ID column as text: " + sheet);
        // every category the drop-down offers is one the checks understand
        RosterTemplate.categories().forEach(c -> assertTrue(RosterValues.category(c).isPresent(), c));
    }
}
