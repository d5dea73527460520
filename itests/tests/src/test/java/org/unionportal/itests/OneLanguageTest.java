package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-language rule the browser tests apply to every text they see ({@link OneLanguage}). */
class OneLanguageTest {
    @Test
    void englishWordsOnTheChinesePageAreFound() {
        assertEquals("Pending", OneLanguage.wrongWord("zh", "状态：Pending"));
        assertEquals("fen", OneLanguage.wrongWord("zh", "金额须大于 0 且不超过 70000 fen"));
        assertEquals("WX", OneLanguage.wrongWord("zh", "保障项目 WX-3IN1"));
        assertEquals("operator", OneLanguage.wrongWord("zh", "经办人：operator"));
    }

    @Test
    void fileFormatsUnitsAndBankReferencesAreChineseToo() {
        assertNull(OneLanguage.wrongWord("zh", "下载 Excel、CSV 或 XLSX；PDF、JPG 或 PNG 格式，每个文件不超过 10 MB。"));
        assertNull(OneLanguage.wrongWord("zh", "第 3 行（附言 HA-3-40）金额与银行文件不符"));
        assertNull(OneLanguage.wrongWord("zh", "2026 年第一季度 · 240.00 元"));
    }

    @Test
    void hanCharactersOnTheEnglishPageAreFound() {
        assertTrue(OneLanguage.wrongWord("en", "Amount: 240.00 元").endsWith("240.00 元"));
        assertTrue(OneLanguage.wrongWord("en", "The ID number 身份证号校验位错误").contains("number 身"));
        assertNull(OneLanguage.wrongWord("en", "Amount: 240.00 CNY, PDF or PNG, Q3 2026"));
    }

    @Test
    void findingsNameTheTextAndWhereItIsOnceEach() {
        List<String> found = OneLanguage.findings("zh", List.of(
                new OneLanguage.Text("待审核", "td"),
                new OneLanguage.Text("Submitted", "table#claims > tbody > tr > td"),
                new OneLanguage.Text("Submitted", "table#claims > tbody > tr > td")));
        assertEquals(List.of("«Submitted» in: Submitted  (table#claims > tbody > tr > td)"), found);
    }
}
