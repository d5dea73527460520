package org.unionportal.api.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Language;

class BankReturnFileTest {
    private static final String HEADER = "序号,收款人姓名,身份证号,开户银行,银行账号,金额(元),附言,结果,失败原因\n";
    private static final BankReturnFile.Batch BATCH = new BankReturnFile.Batch("MA-7-", amounts(), "理赔编号", 400);

    private static Map<Long, Long> amounts() {
        Map<Long, Long> amounts = new LinkedHashMap<>();
        amounts.put(11L, 120_000L);
        amounts.put(12L, 35_050L);
        return amounts;
    }

    private static BankReturnFile.Read read(String csv) throws IOException {
        return BankReturnFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "回盘.csv", BATCH);
    }

    private static List<String> codes(BankReturnFile.Read read) {
        return read.problems().stream().map(BankReturnFile.Problem::code).toList();
    }

    @Test
    void theExportedFileWithResultsSaysWhichWerePaidAndWhichReturned() throws IOException {
        BankReturnFile.Read read = read(HEADER
                + "1,陈静,320102199001011234,工商银行,6222000011112222,1200.00,MA-7-11,成功,\n"
                + "2,王强,320102199001015678,建设银行,6217000033334444,350.50,MA-7-12,失败,账户已销户\n");
        assertEquals(List.of(), read.problems());
        assertEquals(120_000L, read.paidFen());
        assertEquals(35_050L, read.failedFen());
        assertEquals(1, read.failed().size());
        assertEquals(12L, read.failed().get(0).key());
        assertEquals("账户已销户", read.failed().get(0).reason());
    }

    @Test
    void theReferenceMayCarryMoreTextAfterASpace() throws IOException {
        BankReturnFile.Batch hardship = new BankReturnFile.Batch("HA-3-", Map.of(40L, 50_000L), "明细编号", 400);
        BankReturnFile.Read read = BankReturnFile.read(new ByteArrayInputStream(("序号,户主姓名,开户银行,银行账号,金额(元),附言,结果,失败原因\n"
                + "1,李梅,工商银行,6222,500.00,HA-3-40 低保金 2026Q4,失败,账户冻结\n").getBytes(StandardCharsets.UTF_8)), "r.csv", hardship);
        assertEquals(List.of(), read.problems());
        assertEquals("李梅", read.failed().get(0).name());
        Map<String, Object> preview = read.preview(Language.ZH, "lineId", key -> null);
        assertEquals(1, preview.get("failedCount"));
        assertEquals(50_000L, preview.get("failedFen"));
        assertEquals(40L, ((List<Map<String, Object>>) preview.get("lines")).get(0).get("lineId"));
    }

    @Test
    void everyWrongLineIsReportedAndAMissingTransferToo() throws IOException {
        BankReturnFile.Read read = read(HEADER
                + "1,陈静,,,,1300.00,MA-7-11,成功,\n"
                + "2,王强,,,,350.50,MA-8-12,失败,账户已销户\n"
                + "3,王强,,,,350.50,MA-7-11,退回,\n");
        List<String> codes = codes(read);
        assertTrue(codes.contains("amount_differs"), codes::toString);
        assertTrue(codes.contains("not_in_batch"), codes::toString);
        assertTrue(codes.contains("duplicate"), codes::toString);
        assertTrue(codes.contains("line_missing"), codes::toString);
        // Chinese text only, but for the references themselves (MA-7-11)
        read.problems().forEach(p -> assertTrue(p.text().zh().replaceAll("MA-\\d+-\\d*", "").codePoints()
                .noneMatch(cp -> cp < 128 && Character.isLetter(cp)), () -> "English in: " + p.text().zh()));
        read.problems().forEach(p -> assertTrue(p.text().en().codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN), () -> "Chinese in: " + p.text().en()));
    }

    @Test
    void aFailedLineNeedsTheBanksReasonAndAResultMustBeKnown() throws IOException {
        BankReturnFile.Read read = read(HEADER
                + "1,陈静,,,,1200.00,MA-7-11,待定,\n"
                + "2,王强,,,,350.50,MA-7-12,失败,\n");
        assertEquals(List.of("outcome_unknown", "reason_needed"), codes(read));
    }

    @Test
    void aFileWithoutTheResultColumnIsRefusedAsAWhole() throws IOException {
        BankReturnFile.Read read = read("序号,收款人姓名,金额(元),附言\n1,陈静,1200.00,MA-7-11\n");
        assertEquals(List.of("column_missing"), codes(read));
        assertTrue(read.problems().get(0).text().zh().contains("结果"));
        assertTrue(read.lines().isEmpty());
    }
}
