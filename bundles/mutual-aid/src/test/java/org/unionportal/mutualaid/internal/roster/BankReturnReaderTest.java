package org.unionportal.mutualaid.internal.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankReturnReaderTest {
    private static final String HEADER = "序号,收款人姓名,身份证号,开户银行,银行账号,金额(元),附言,结果,失败原因\n";
    private static final Map<Long, Long> BATCH = batch();

    private static Map<Long, Long> batch() {
        Map<Long, Long> amounts = new LinkedHashMap<>();
        amounts.put(11L, 120_000L);
        amounts.put(12L, 35_050L);
        return amounts;
    }

    private static BankReturnReader.Parsed read(String csv) throws IOException {
        return BankReturnReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "回盘.csv", 7, BATCH);
    }

    @Test
    void theExportedFileWithResultsSaysWhichWerePaidAndWhichReturned() throws IOException {
        BankReturnReader.Parsed parsed = read(HEADER
                + "1,陈静,320102199001011234,工商银行,6222000011112222,1200.00,MA-7-11,成功,\n"
                + "2,王强,320102199001015678,建设银行,6217000033334444,350.50,MA-7-12,失败,账户已销户\n");
        assertEquals(List.of(), parsed.problems());
        assertEquals(120_000L, parsed.paidFen());
        assertEquals(35_050L, parsed.failedFen());
        assertEquals(1, parsed.failures().size());
        assertEquals(12L, parsed.failures().get(0).claimId());
        assertEquals("账户已销户", parsed.failures().get(0).reason());
    }

    @Test
    void everyWrongLineIsReportedAndAMissingTransferToo() throws IOException {
        BankReturnReader.Parsed parsed = read(HEADER
                + "1,陈静,,,,1300.00,MA-7-11,成功,\n"
                + "2,王强,,,,350.50,MA-8-12,失败,账户已销户\n"
                + "3,王强,,,,350.50,MA-7-11,退回,\n");
        List<String> codes = parsed.problems().stream().map(RowProblem::code).toList();
        assertTrue(codes.contains("amount_differs"), codes::toString);
        assertTrue(codes.contains("not_in_batch"), codes::toString);
        assertTrue(codes.contains("duplicate"), codes::toString);
        assertTrue(codes.contains("line_missing"), codes::toString);
        parsed.problems().forEach(p -> assertTrue(p.text().zh().codePoints().noneMatch(cp -> cp >= 'A' && cp <= 'z' && Character.isLetter(cp))
                || p.text().zh().contains("MA-"), () -> "English in: " + p.text().zh()));
    }

    @Test
    void aFailedLineNeedsTheBanksReasonAndAResultMustBeKnown() throws IOException {
        BankReturnReader.Parsed parsed = read(HEADER
                + "1,陈静,,,,1200.00,MA-7-11,待定,\n"
                + "2,王强,,,,350.50,MA-7-12,失败,\n");
        List<String> codes = parsed.problems().stream().map(RowProblem::code).toList();
        assertEquals(List.of("outcome_unknown", "reason_needed"), codes);
    }

    @Test
    void aFileWithoutTheResultColumnIsRefusedAsAWhole() throws IOException {
        BankReturnReader.Parsed parsed = read("序号,收款人姓名,金额(元),附言\n1,陈静,1200.00,MA-7-11\n");
        assertEquals(List.of("column_missing"), parsed.problems().stream().map(RowProblem::code).toList());
        assertTrue(parsed.problems().get(0).text().zh().contains("结果"));
        assertTrue(parsed.rows().isEmpty());
    }
}
