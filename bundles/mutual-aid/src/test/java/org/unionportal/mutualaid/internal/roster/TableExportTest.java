package org.unionportal.mutualaid.internal.roster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.unionportal.api.export.TableExport;

class TableExportTest {
    @Test
    void csvHasBomCrlfAndRfc4180Quoting() {
        byte[] b = TableExport.csv(List.of("姓名", "金额"), List.of(
                Arrays.asList("张,伟", 120),
                Arrays.asList("say \"hi\"", new BigDecimal("34343.00")),
                Arrays.asList("两行\n文字", 0.5),
                Arrays.asList(null, 19.1558e6)));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(b, 3));
        String text = new String(b, 3, b.length - 3, UTF_8);
        // commons-csv quotes an empty first field, so that a record of one empty field is not an empty line
        assertEquals("姓名,金额\r\n\"张,伟\",120\r\n\"say \"\"hi\"\"\",34343\r\n\"两行\n文字\",0.5\r\n\"\",19155800\r\n", text);
    }

    @Test
    void csvKeepsExcelFromMangling() {
        String id = TestData.man(1);
        String text = new String(TableExport.csv(List.of("a"), List.of(List.of(id.substring(0, 17) + "1"),
                List.of("=1+1"), List.of("+cmd|' /C calc'!A0"), List.of("-5"), List.of("+86 138 0000 1234"),
                List.of("007"), List.of("13800001234"), List.of(true), List.of(LocalDate.of(2024, 1, 15)),
                List.of(LocalDateTime.of(2024, 1, 15, 8, 30)))), UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "the BOM");
        String[] lines = text.substring(1).split("\r\n");
        // a field that starts with a tab is quoted; Excel keeps the tab inside, so the digits stay text
        assertEquals("\"\t" + id.substring(0, 17) + "1\"", lines[1], "18 digits keep a leading tab");
        assertEquals("'=1+1", lines[2]);
        assertEquals("'+cmd|' /C calc'!A0", lines[3]);
        assertEquals("-5", lines[4]);
        assertEquals("+86 138 0000 1234", lines[5]);
        assertEquals("\"\t007\"", lines[6]);
        assertEquals("13800001234", lines[7]);
        assertEquals("TRUE", lines[8]);
        assertEquals("2024-01-15", lines[9]);
        assertEquals("2024-01-15 08:30:00", lines[10]);
    }

    @Test
    void csvReadsBackAsARoster() {
        String id = TestData.woman(4) ;
        byte[] csv = TableExport.csv(RosterColumns.zhHeaders(),
                List.of(List.of("李, 娜", id, "13800001234", "女", "劳务派遣工", "是", "否")));
        ParsedRoster p = TestData.read(csv, "export.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(new RosterRow(2, "李, 娜", id, "13800001234", "F", "DISPATCHED", true, false), p.rows().get(0));
    }

    @Test
    void xlsxPartsAreWellFormedAndTyped() throws Exception {
        byte[] x = TableExport.xlsx("参保名单: 2024/第1批 [草稿] 非常长非常长非常长非常长非常长非常长", List.of("姓名", "金额", "日期", "是否", "说明"),
                List.of(Arrays.asList("张伟", 120, LocalDate.of(2024, 1, 15), true, " 前后空格 "),
                        Arrays.asList("李娜", 34343.5, LocalDateTime.of(2024, 1, 15, 12, 0), null, "控制\u0001字符_x0041_")));
        Map<String, String> parts = unzip(x);
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml"), List.copyOf(parts.keySet()));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        for (Map.Entry<String, String> e : parts.entrySet()) {
            f.newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue().getBytes(UTF_8)));
        }
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<c r=\"B2\"><v>120</v></c>"), sheet);
        assertTrue(sheet.contains("<c r=\"C2\" s=\"2\"><v>45306</v></c>"), "2024-01-15 is serial 45306: " + sheet);
        assertTrue(sheet.contains("<c r=\"D2\" t=\"b\"><v>1</v></c>"));
        assertTrue(sheet.contains("<c r=\"B3\"><v>34343.5</v></c>"));
        assertTrue(sheet.contains("<c r=\"C3\" s=\"3\"><v>45306.5</v></c>"));
        assertTrue(sheet.contains("<t xml:space=\"preserve\"> 前后空格 </t>"));
        assertTrue(sheet.contains("控制字符_x005F_x0041_"), "control char dropped, Excel escape escaped");
        assertTrue(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>张伟</t></is></c>"), sheet);
        String wb = parts.get("xl/workbook.xml");
        assertTrue(wb.contains("name=\"参保名单_ 2024_第1批 _草稿_ 非常长非常长非常长非常\""), wb);

        // and it reads back, text as text
        ParsedRoster back = TestData.read(TableExport.xlsx("s", RosterColumns.zhHeaders(),
                List.of(List.of("控制_x0041_", TestData.man(1), "13800001234", "男", "在职职工", "是", "是"))), "b.xlsx");
        assertEquals("控制_x0041_", back.rows().get(0).name());
    }

    private static Map<String, String> unzip(byte[] b) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                out.put(e.getName(), new String(z.readAllBytes(), UTF_8));
            }
        }
        return out;
    }

}
