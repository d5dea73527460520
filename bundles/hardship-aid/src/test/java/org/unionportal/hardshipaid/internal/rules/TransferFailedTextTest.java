package org.unionportal.hardshipaid.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Text;

/** The text to a household whose transfer the bank returned: the aid, its period, the amount, the bank's reason, no account. */
class TransferFailedTextTest {

    @Test
    void namesTheAidItsPeriodTheAmountAndTheBanksReason() {
        Text t = TransferFailedText.of("张伟", List.of(new TransferFailedText.Returned(Item.LIVING, "2026Q3", 150_000, "账户已销户")));
        assertEquals("【无锡市总工会】张伟您好，您家2026年第3季度生活补贴 1500.00 元银行转账未成功，银行退回原因：账户已销户。"
                + "请联系所在工会核对收款账户，核对后将重新发放。", t.zh());
        assertTrue(t.en().contains("1500.00 yuan") && t.en().contains("Living subsidy 2026 Q3") && t.en().contains("账户已销户"), t::en);
    }

    @Test
    void severalReturnedLinesOfAHouseholdAreOneTextWithTheirSumAndEachReasonOnce() {
        Text t = TransferFailedText.of("李娜", List.of(
                new TransferFailedText.Returned(Item.SCHOOLING_UNIVERSITY, "2026", 300_000, "账户已冻结。"),
                new TransferFailedText.Returned(Item.ENTRANT_AWARD, "2026", 200_000, "账户已冻结")));
        assertTrue(t.zh().contains("您家2026年助学·全日制大学、2026年高校新生奖励 5000.00 元银行转账未成功，银行退回原因：账户已冻结。"), t::zh);
    }

    @Test
    void anAccountNumberInTheBanksReasonIsLeftOut() {
        for (String reason : List.of("账号6222020302000000011不存在", "账号 6222-0203-0200-0000-11 不存在", "账号6222020302000000011不存在。")) {
            String zh = TransferFailedText.of("王芳", List.of(new TransferFailedText.Returned(Item.MEDICAL, "2027", 120_000, reason))).zh();
            assertTrue(zh.contains("银行退回原因：账号不存在。"), zh);
            assertFalse(zh.matches(".*\\d{6,}.*"), zh);
        }
    }

    @Test
    void withoutAReasonTheTextStillSaysWhatFailedAndALongReasonIsCut() {
        Text none = TransferFailedText.of("王芳", List.of(new TransferFailedText.Returned(Item.MEDICAL, "2027", 120_000, "  ")));
        assertTrue(none.zh().contains("2027年医疗补贴 1200.00 元银行转账未成功。请联系"), none::zh);
        String longReason = "户".repeat(200);
        String zh = TransferFailedText.of("王芳", List.of(new TransferFailedText.Returned(Item.MEDICAL, "2027", 120_000, longReason))).zh();
        assertTrue(zh.contains("户".repeat(TransferFailedText.MAX_REASON - 1) + "…。") && !zh.contains("户".repeat(TransferFailedText.MAX_REASON)),
                zh);
        assertThrows(IllegalArgumentException.class, () -> TransferFailedText.of("王芳", List.of()));
    }
}
