package org.unionportal.mutualaid.internal.roster;

import org.unionportal.api.identity.IdNumbers;

import org.unionportal.api.export.TableExport;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class RosterReaderXlsxTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void roundTripThroughTableExport() {
        List<String> headers = List.of("姓名", "身份证号", "手机号", "性别", "类别", "参加基本医保", "工会会员", "备注");
        List<List<Object>> rows = new ArrayList<>();
        List<RosterRow> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean man = i % 2 == 0;
            String id = man ? TestData.man(i) : TestData.woman(i);
            String name = (man ? "张伟" : "李娜") + i;
            long phone = 13800000000L + i;
            Object insured = i % 3 == 0 ? "是" : i % 3 == 1 ? Boolean.TRUE : "Y";
            Object member = i % 4 == 0 ? "否" : 1;
            rows.add(Arrays.asList(name, id, phone, man ? "男" : "女", i % 5 == 0 ? "劳模" : "在职职工", insured,
                    member, i % 7 == 0 ? null : "备注 <&> \"" + i + "\""));
            expected.add(new RosterRow(i + 2, name, id, Long.toString(phone), man ? "M" : "F",
                    i % 5 == 0 ? "MODEL_WORKER" : "EMPLOYEE", true, i % 4 != 0));
        }
        byte[] xlsx = TableExport.xlsx("参保名单", headers, rows);
        ParsedRoster p = TestData.read(xlsx, "export.xlsx");
        assertEquals(List.of(), p.problems());
        assertEquals(expected, p.rows());
        assertEquals(List.of(), RosterChecks.check(p.rows(), TODAY, null, null));
    }

    @Test
    void idNumberStoredAsNumberIsRefusedWithAClearMessage() {
        List<String> digitsOnly = new ArrayList<>();
        for (int n = 0; digitsOnly.size() < 2; n++) {
            if (TestData.man(n).charAt(17) != 'X') {
                digitsOnly.add(TestData.man(n));
            }
        }
        List<List<Object>> rows = List.of(
                Arrays.asList("张伟", Double.parseDouble(digitsOnly.get(0)), "13800001234", "男", "在职职工", "是", "是"),
                Arrays.asList("李四", new java.math.BigDecimal(digitsOnly.get(1)), "13800001235", "男", "在职职工", "是", "是"));
        byte[] xlsx = TableExport.xlsx("s", RosterColumns.zhHeaders(), rows);
        ParsedRoster p = TestData.read(xlsx, "x.xlsx");
        assertEquals(List.of(), p.problems());
        List<RowProblem> problems = RosterChecks.check(p.rows(), TODAY, null, null);
        // The Double is written as a number; an 18-digit BigDecimal is written as text by TableExport (Excel
        // cannot hold it), so only the first row is refused.
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(new RowProblem(2, "idNumber", "id_as_number", IdNumbers.ID_AS_NUMBER_TEXT), problems.get(0));
    }

    @Test
    void excelStyleWorkbookWithSharedStringsRichTextPhoneticsAndTitleRow() throws IOException {
        String id = TestData.woman(3);
        String idLower = id.substring(0, 17) + (id.charAt(17) == 'X' ? "x" : id.charAt(17));
        String shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"12\" uniqueCount=\"12\">"
                + "<si><t>2024年参保名单</t></si>" // 0
                + "<si><r><rPr><b/></rPr><t>姓</t></r><r><t>名</t></r><rPh sb=\"0\" eb=\"2\"><t>xingming</t></rPh></si>" // 1
                + "<si><t xml:space=\"preserve\"> 身份证号 </t></si>" // 2
                + "<si><t>手机号</t></si>" // 3
                + "<si><t>性别</t></si>" // 4
                + "<si><t>类别</t></si>" // 5
                + "<si><t>参加基本医保</t></si>" // 6
                + "<si><t>工会会员</t></si>" // 7
                + "<si><t>欧阳&amp;娜娜</t><rPh sb=\"0\" eb=\"1\"><t>ouyang</t></rPh></si>" // 8
                + "<si><t>女</t></si>" // 9
                + "<si><t>是</t></si>" // 10
                + "<si><t>a_x000D_b</t></si>" // 11
                + "</sst>";
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c><c r=\"D3\" t=\"s\"><v>3</v></c>"
                + "<c r=\"E3\" t=\"s\"><v>4</v></c><c r=\"F3\" t=\"s\"><v>5</v></c><c r=\"G3\" t=\"s\"><v>6</v></c>"
                + "<c r=\"H3\" t=\"s\"><v>7</v></c><c r=\"I3\" t=\"s\"><v>11</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\"><v>1</v></c><c r=\"B4\" t=\"s\"><v>8</v></c>"
                + "<c r=\"C4\" t=\"inlineStr\"><is><t>" + idLower + "</t></is></c>"
                + "<c r=\"D4\" s=\"3\"><v>13800001234</v></c><c r=\"E4\" t=\"s\"><v>9</v></c>"
                + "<c r=\"F4\" t=\"str\"><f>\"劳务派遣工\"</f><v>劳务派遣工</v></c>"
                + "<c r=\"G4\" t=\"b\"><v>1</v></c><c r=\"H4\"><v>0</v></c></row>"
                // row without cell references: columns follow one another
                + "<row r=\"6\"><c><v>2</v></c><c t=\"inlineStr\"><is><t>张伟</t></is></c>"
                + "<c><v>3.20213198001011E+17</v></c><c t=\"inlineStr\"><is><t>+86 139 0000 5678</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>M</t></is></c><c t=\"inlineStr\"><is><t>EMPLOYEE</t></is></c>"
                + "<c t=\"s\"><v>10</v></c><c t=\"inlineStr\"><is><t>yes</t></is></c></row>"
                + "</sheetData></worksheet>";
        String decoy = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>说明</t></is></c></row></sheetData></worksheet>";
        byte[] xlsx = zip(
                "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                        + "<sheet name=\"名单\" sheetId=\"2\" r:id=\"rId5\"/><sheet name=\"说明\" sheetId=\"1\" r:id=\"rId1\"/>"
                        + "</sheets></workbook>",
                "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
                        + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        + "</Relationships>",
                "xl/worksheets/sheet1.xml", decoy,
                "xl/worksheets/sheet2.xml", sheet, // before the shared strings, as Excel writes them
                "xl/sharedStrings.xml", shared);
        ParsedRoster p = TestData.read(xlsx, "名单.xlsx");
        assertEquals(List.of(), p.problems());
        assertEquals(2, p.rows().size());
        assertEquals(new RosterRow(4, "欧阳&娜娜", id, "13800001234", "F", "DISPATCHED", true, false), p.rows().get(0));
        RosterRow second = p.rows().get(1);
        assertEquals(6, second.line());
        assertEquals("张伟", second.name());
        assertEquals("3.20213198001011E+17", second.idNumber());
        assertEquals("+86 139 0000 5678", second.phone());
        assertEquals(true, second.basicInsurance());
        List<RowProblem> problems = RosterChecks.check(p.rows(), TODAY, null, null);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(IdNumbers.ID_AS_NUMBER_TEXT, problems.get(0).text());
        assertEquals(6, problems.get(0).line());
    }

    /**
     * A workbook LibreOffice Calc 7.4 saved from a CSV: a title row, shared strings, and an 18-digit ID number
     * Calc turned into a number (as Excel does).
     */
    @Test
    void workbookSavedByLibreOffice() throws IOException {
        ParsedRoster p;
        try (var in = getClass().getResourceAsStream("libreoffice-roster.xlsx")) {
            p = RosterReader.read(in, "libreoffice-roster.xlsx");
        }
        assertEquals(List.of(), p.problems());
        assertEquals(List.of(
                new RosterRow(3, "张伟", "32021319850307011X", "13800001234", "M", "EMPLOYEE", true, true),
                new RosterRow(4, "李娜", "3.2021319901231E+17", "13900005678", "F", "DISPATCHED", false, true)),
                p.rows());
        assertEquals(List.of(new RowProblem(4, "idNumber", "id_as_number", IdNumbers.ID_AS_NUMBER_TEXT)),
                RosterChecks.check(p.rows(), TODAY, null, null));
    }

    @Test
    void brokenAndWrongFiles() throws IOException {
        ParsedRoster notZip = TestData.read("姓名,身份证号\n".getBytes(UTF_8), "x.xlsx");
        assertEquals("file", notZip.problems().get(0).field());
        assertTrue(notZip.problems().get(0).text().zh().contains("不是 XLSX"));

        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertTrue(TestData.read(ole, "x.xlsx").problems().get(0).text().en().contains(".xls"));

        byte[] noSheet = zip("[Content_Types].xml", "<Types/>");
        assertTrue(TestData.read(noSheet, "x.xlsx").problems().get(0).text().zh().contains("损坏"));

        byte[] badXml = zip("xl/workbook.xml", "<workbook><sheets><sheet", "xl/worksheets/sheet1.xml", "<x/>");
        assertTrue(TestData.read(badXml, "x.xlsx").problems().get(0).text().zh().contains("损坏"));

        byte[] truncated = Arrays.copyOf(TableExport.xlsx("s", List.of("a"), List.of(List.of("b"))), 100);
        assertTrue(TestData.read(truncated, "x.xlsx").hasFileProblem());

        byte[] xxe = zip("xl/workbook.xml", "<workbook/>", "xl/worksheets/sheet1.xml",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row r=\"1\">"
                        + "<c t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>");
        ParsedRoster x = TestData.read(xxe, "x.xlsx");
        assertTrue(x.hasFileProblem(), "a DTD is refused: " + x);
        assertTrue(x.rows().isEmpty());
    }

    @Test
    void headerOnlyAndMissingColumnInXlsx() {
        ParsedRoster headerOnly = TestData.read(TableExport.xlsx("s", RosterColumns.zhHeaders(), List.of()), "x.xlsx");
        assertTrue(headerOnly.problems().get(0).text().zh().contains("没有数据行"));
        List<String> six = new ArrayList<>(RosterColumns.zhHeaders());
        six.remove("性别");
        ParsedRoster missing = TestData.read(TableExport.xlsx("s", six, List.of(List.of("a"))), "x.xlsx");
        assertEquals(1, missing.problems().size());
        assertTrue(missing.problems().get(0).text().zh().contains("性别"));
    }

    @Test
    void aSmallFileThatUnpacksFarBeyondItsSizeIsRefused() throws IOException {
        // 24 MiB of blanks in the sheet squeeze into some 24 KB: far below the old fixed 1 GiB per part, far above 40x
        StringBuilder sheet = new StringBuilder("<worksheet><sheetData><row r=\"1\">");
        for (String header : RosterColumns.zhHeaders()) {
            sheet.append("<c t=\"inlineStr\"><is><t>").append(header).append("</t></is></c>");
        }
        sheet.append("</row>").append(" ".repeat(24 << 20)).append("</sheetData></worksheet>");
        byte[] bomb = zip("xl/workbook.xml", "<workbook/>", "xl/worksheets/sheet1.xml", sheet.toString());
        assertTrue(bomb.length < 1 << 20, "the test file is not small: " + bomb.length);
        ParsedRoster p = TestData.read(bomb, "bomb.xlsx");
        assertTrue(p.hasFileProblem(), () -> "read as " + p);
        assertTrue(p.problems().get(0).text().zh().contains("解压后过大"), () -> p.problems().toString());
    }

    @Test
    void ourOwnExportOfManyRowsStaysWellWithinTheLimit() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("张伟" + i, TestData.man(i), "138" + String.format("%08d", i), "男", "在职职工", "是", "否"));
        }
        byte[] x = TableExport.xlsx("s", RosterColumns.zhHeaders(), rows);
        long unpacked = 0;
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(x))) {
            while (z.getNextEntry() != null) {
                unpacked += z.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        double expansion = (double) unpacked / x.length;
        // the sheet reader allows 40 times the file's size (XlsxSheetReader.MAX_EXPANSION)
        assertTrue(expansion < 40 / 2.0, "our export unpacks to " + expansion + " times its size");
        ParsedRoster p = TestData.read(x, "export.xlsx");
        assertEquals(List.of(), p.problems());
        assertEquals(5_000, p.rows().size());
    }

    static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(UTF_8));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }
}
