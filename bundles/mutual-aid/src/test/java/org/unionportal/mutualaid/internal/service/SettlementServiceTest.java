package org.unionportal.mutualaid.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Text;

/** The settlement reader's "中文 (English)" file problems are split, so each page shows one language. */
class SettlementServiceTest {
    @Test
    void aChineseThenEnglishMessageIsSplitAndASharedDetailKeptOnBoth() {
        assertEquals(Text.of("文件过大", "the file is larger than 32 MiB"), SettlementService.bilingual("文件过大 (the file is larger than 32 MiB)"));
        assertEquals(Text.of("缺少必需的列: 身份证号", "required columns missing: 身份证号"),
                SettlementService.bilingual("缺少必需的列 (required columns missing): 身份证号"));
        assertEquals(Text.of("odd", "odd"), SettlementService.bilingual("odd"));
    }
}
