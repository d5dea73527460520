package org.unionportal.hardshipaid.internal.rules;

import org.unionportal.api.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The medical safety net (医疗兜底, Huai'an): when a household's medical costs in a year, after what basic
 * insurance and other schemes reimbursed, leave more than the threshold to pay itself, the union pays the
 * part above the threshold; what was awarded already that year is deducted.
 */
public final class SafetyNet {
    private SafetyNet() {
    }

    /** One cost: the total and what was reimbursed (reimbursed ≤ total). */
    public record Cost(long totalFen, long reimbursedFen) {
    }

    public record Calculation(long totalFen, long reimbursedFen, long selfPayFen, long thresholdFen, long excessFen,
            long awardedFen, long dueFen, List<String> stepsZh, List<String> stepsEn) {
    }

    public static Calculation calculate(List<Cost> costs, long thresholdFen, long awardedFen) {
        long total = 0;
        long reimbursed = 0;
        for (Cost c : costs) {
            total = Money.add(total, c.totalFen());
            reimbursed = Money.add(reimbursed, c.reimbursedFen());
        }
        long selfPay = Money.subtract(total, reimbursed);
        long excess = Math.max(0, selfPay - thresholdFen);
        long due = Math.max(0, excess - awardedFen);
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        zh.add("年度医疗费用合计 " + Money.compact(total) + " 元（" + costs.size() + " 笔）");
        en.add("Medical costs in the year: " + Money.compact(total) + " CNY (" + costs.size() + " items)");
        zh.add("医保及其他报销 " + Money.compact(reimbursed) + " 元，个人自付 " + Money.compact(selfPay) + " 元");
        en.add("Reimbursed by insurance and others: " + Money.compact(reimbursed) + " CNY; paid by the household: " + Money.compact(selfPay) + " CNY");
        zh.add(excess > 0 ? "自付超过兜底起点 " + Money.compact(thresholdFen) + " 元的部分：" + Money.compact(excess) + " 元"
                : "自付未超过兜底起点 " + Money.compact(thresholdFen) + " 元，无需兜底");
        en.add(excess > 0 ? "Above the threshold of " + Money.compact(thresholdFen) + " CNY: " + Money.compact(excess) + " CNY"
                : "Not above the threshold of " + Money.compact(thresholdFen) + " CNY: nothing to pay");
        if (awardedFen > 0) {
            zh.add("本年已兜底 " + Money.compact(awardedFen) + " 元，尚需兜底 " + Money.compact(due) + " 元");
            en.add("Already awarded this year: " + Money.compact(awardedFen) + " CNY; still due: " + Money.compact(due) + " CNY");
        } else if (excess > 0) {
            zh.add("应兜底 " + Money.compact(due) + " 元");
            en.add("Due: " + Money.compact(due) + " CNY");
        }
        return new Calculation(total, reimbursed, selfPay, thresholdFen, excess, awardedFen, due, zh, en);
    }
}
