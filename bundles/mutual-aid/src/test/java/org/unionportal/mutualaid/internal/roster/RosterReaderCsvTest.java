package org.unionportal.mutualaid.internal.roster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RosterReaderCsvTest {
    private static final String ID1 = TestData.man(1);
    private static final String ID2 = TestData.woman(2);
    private static final String ZH_HEADER = "姓名,身份证号,手机号,性别,类别,参加基本医保,工会会员\n";

    @Test
    void chineseHeaderPlainUtf8() {
        ParsedRoster p = TestData.read(ZH_HEADER
                + "张伟," + ID1 + ",13800001234,男,在职职工,是,是\n"
                + "李娜," + ID2 + ",139 0000 5678,女,新就业形态劳动者,否,1\n", UTF_8, "名单.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(2, p.rows().size());
        RosterRow r = p.rows().get(0);
        assertEquals(new RosterRow(2, "张伟", ID1, "13800001234", "M", "EMPLOYEE", true, true), r);
        RosterRow r2 = p.rows().get(1);
        assertEquals(3, r2.line());
        assertEquals("139 0000 5678", r2.phone(), "phone kept as written");
        assertEquals("F", r2.gender());
        assertEquals("GIG_WORKER", r2.category());
        assertEquals(false, r2.basicInsurance());
        assertEquals(true, r2.unionMember());
    }

    @Test
    void utf8WithBom() {
        byte[] body = (ZH_HEADER + "张伟," + ID1 + ",13800001234,男,劳模,Y,N\r\n").getBytes(UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xEF);
        b.write(0xBB);
        b.write(0xBF);
        b.writeBytes(body);
        ParsedRoster p = TestData.read(b.toByteArray(), "roster.CSV");
        assertEquals(List.of(), p.problems());
        assertEquals("张伟", p.rows().get(0).name());
        assertEquals("MODEL_WORKER", p.rows().get(0).category());
        assertEquals(true, p.rows().get(0).basicInsurance());
        assertEquals(false, p.rows().get(0).unionMember());
    }

    @Test
    void gb18030FromChineseExcel() {
        Charset gb = Charset.forName("GB18030");
        String text = ZH_HEADER + "欧阳娜娜," + ID2 + ",13800001234,女,劳务派遣工,是,否\n";
        byte[] bytes = text.getBytes(gb);
        assertFalse(new String(bytes, UTF_8).equals(text), "the bytes really differ from UTF-8");
        ParsedRoster p = TestData.read(bytes, "名单.csv");
        assertEquals(List.of(), p.problems());
        RosterRow r = p.rows().get(0);
        assertEquals("欧阳娜娜", r.name());
        assertEquals("F", r.gender());
        assertEquals("DISPATCHED", r.category());
    }

    @Test
    void utf16WithBomTabSeparatedTxt() {
        String text = "\uFEFF" + ZH_HEADER.replace(',', '\t') + "张伟\t" + ID1 + "\t13800001234\t男\t在职职工\t是\t是\r\n";
        ParsedRoster p = TestData.read(text, StandardCharsets.UTF_16LE, "名单.txt");
        assertEquals(List.of(), p.problems());
        assertEquals("张伟", p.rows().get(0).name());
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlines() {
        ParsedRoster p = TestData.read(ZH_HEADER
                + "\"王, \"\"小\"\"明\"," + ID1 + ",\"13800001234\",男,在职职工,是,是\n"
                + "\"李\n娜\"," + ID2 + ",13900005678,女,在职职工,是,是\n"
                + "赵六," + TestData.man(3) + ",13700001111,男,在职职工,是,是\n", UTF_8, "x.csv");
        assertEquals(List.of(), p.problems());
        assertEquals("王, \"小\"明", p.rows().get(0).name());
        assertEquals("李\n娜", p.rows().get(1).name());
        assertEquals(3, p.rows().get(1).line());
        assertEquals(4, p.rows().get(2).line(), "a record spanning two text lines is one row, as in Excel");
    }

    @Test
    void englishHeadersInAnotherOrderWithSpacesAndExtraColumns() {
        ParsedRoster p = TestData.read(
                " Union Member , Gender,Remarks, Category ,ID Number,Name,Phone,Basic Medical Insurance\n"
                        + "yes,F,note," + "GIG_WORKER," + ID2.toLowerCase() + ",Li Na,13800001234,TRUE\n",
                UTF_8, "roster.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(new RosterRow(2, "Li Na", ID2, "13800001234", "F", "GIG_WORKER", true, true), p.rows().get(0));
    }

    @Test
    void chineseHeadersInAnotherOrder() {
        ParsedRoster p = TestData.read("工会会员,类别,手机号,姓名,参加基本医保,性别,身份证号,备注\n"
                + "否,在职职工,13800001234,张伟,是,男, " + ID1 + " ,无\n", UTF_8, "x.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(new RosterRow(2, "张伟", ID1, "13800001234", "M", "EMPLOYEE", true, false), p.rows().get(0));
    }

    @Test
    void missingColumnIsOneFileProblemNamingIt() {
        ParsedRoster p = TestData.read("姓名,身份证号,性别,类别,参加基本医保,工会会员\n"
                + "张伟," + ID1 + ",男,在职职工,是,是\n", UTF_8, "x.csv");
        assertEquals(1, p.problems().size());
        RowProblem pr = p.problems().get(0);
        assertEquals("file", pr.field());
        assertTrue(pr.text().zh().contains("手机号") && pr.text().en().contains("Phone"), pr.text().zh());
        assertTrue(p.hasFileProblem());
        assertTrue(p.rows().isEmpty());
    }

    @Test
    void repeatedColumnIsAFileProblem() {
        ParsedRoster p = TestData.read(ZH_HEADER.trim() + ",身份证号码\n", UTF_8, "x.csv");
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).text().zh().contains("不止一次"));
    }

    @Test
    void titleRowsAndBlankLinesAreSkippedButCounted() {
        ParsedRoster p = TestData.read("2024年度职工医疗互助保障参保名单,,,,,,\n\n" + ZH_HEADER
                + "张伟," + ID1 + ",13800001234,男,在职职工,是,是\n"
                + ",,,,,,\n"
                + "李娜," + ID2 + ",13900005678,女,在职职工,是,是\n", UTF_8, "x.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(4, p.rows().get(0).line());
        assertEquals(6, p.rows().get(1).line());
    }

    @Test
    void unparsableValuesStayForTheChecks() {
        ParsedRoster p = TestData.read(ZH_HEADER + "张伟," + ID1 + ",13800001234,未知,退休,也许,\n", UTF_8, "x.csv");
        assertEquals(List.of(), p.problems());
        RosterRow r = p.rows().get(0);
        assertEquals("未知", r.gender());
        assertEquals("退休", r.category());
        assertNull(r.basicInsurance());
        assertNull(r.unionMember());
    }

    @Test
    void excelScientificIdInCsvIsNamed() {
        ParsedRoster p = TestData.read(ZH_HEADER + "张伟,3.20213E+17,13800001234,男,在职职工,是,是\n", UTF_8, "x.csv");
        List<RowProblem> problems = RosterChecks.check(p.rows(), java.time.LocalDate.of(2024, 1, 1), null, null);
        assertEquals(1, problems.size());
        assertEquals("idNumber", problems.get(0).field());
        assertTrue(problems.get(0).text().en().contains("format the column as text"));
    }

    @Test
    void fileLevelProblems() {
        assertTrue(TestData.read("", UTF_8, "x.csv").problems().get(0).text().zh().contains("文件为空"));
        assertTrue(TestData.read("\n\n", UTF_8, "x.csv").problems().get(0).text().zh().contains("文件为空"));
        assertTrue(TestData.read(ZH_HEADER, UTF_8, "x.csv").problems().get(0).text().zh().contains("没有数据行"));
        assertTrue(TestData.read("a,b\n", UTF_8, "x.pdf").problems().get(0).text().en().contains(".xlsx"));
        assertTrue(TestData.read("a,b\n", UTF_8, "x.xls").problems().get(0).text().en().contains(".xls"));
        assertTrue(TestData.read("a,b\n", UTF_8, null).problems().get(0).field().equals("file"));
        ParsedRoster unclosed = TestData.read(ZH_HEADER + "\"张伟," + ID1 + ",1,男,在职职工,是,是\n", UTF_8, "x.csv");
        assertEquals(1, unclosed.problems().size());
        assertEquals(2, unclosed.problems().get(0).line());
        assertTrue(unclosed.problems().get(0).text().zh().contains("引号"));
        ParsedRoster noHeader = TestData.read("a,b\n".repeat(20), UTF_8, "x.csv");
        assertTrue(noHeader.problems().get(0).text().zh().contains("未找到表头"));
    }

    @Test
    void moreThan200000RowsIsAFileProblem() {
        StringBuilder sb = new StringBuilder(ZH_HEADER);
        String line = "张伟," + ID1 + ",13800001234,男,在职职工,是,是\n";
        for (int i = 0; i < RosterReader.MAX_ROWS + 1; i++) {
            sb.append(line);
        }
        ParsedRoster p = TestData.read(sb.toString(), UTF_8, "big.csv");
        assertEquals(1, p.problems().size());
        assertEquals(RosterReader.MAX_ROWS + 2, p.problems().get(0).line());
        assertTrue(p.problems().get(0).text().en().contains("200000"));
    }

    @Test
    void exactly200000RowsIsFine() {
        StringBuilder sb = new StringBuilder(ZH_HEADER);
        String line = "张伟," + ID1 + ",13800001234,男,在职职工,是,是\n";
        for (int i = 0; i < RosterReader.MAX_ROWS; i++) {
            sb.append(line);
        }
        ParsedRoster p = TestData.read(sb.toString(), UTF_8, "big.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(RosterReader.MAX_ROWS, p.rows().size());
    }
}
