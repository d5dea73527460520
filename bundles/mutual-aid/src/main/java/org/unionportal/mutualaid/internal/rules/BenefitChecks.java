package org.unionportal.mutualaid.internal.rules;

import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.Validation;

/** Field checks for the benefit items of a plan (amounts in fen; messages speak of 元 or of nothing). */
public final class BenefitChecks {
    private static final Text NOT_NEGATIVE = Text.of("不能为负数", "must not be negative");
    private static final Text CAP = Text.of("不能为负数（0 表示不设上限）", "must be 0 (no cap) or more");
    private static final Text POSITIVE = Text.of("须大于 0 元", "must be more than 0 yuan");

    private BenefitChecks() {
    }

    public static void check(Benefits b, Validation v) {
        if (b.medical() != null) {
            v.require(b.medical().sharePercent() >= 0 && b.medical().sharePercent() <= 100, "benefits.medical.sharePercent",
                    "out_of_range", Text.of("比例须在 0 到 100 之间", "must be 0 to 100"));
            v.require(b.medical().deductibleFen() >= 0, "benefits.medical.deductibleFen", "negative", NOT_NEGATIVE);
            v.require(b.medical().perClaimCapFen() >= 0, "benefits.medical.perClaimCapFen", "negative", CAP);
            v.require(b.medical().yearlyCapFen() >= 0, "benefits.medical.yearlyCapFen", "negative", CAP);
        }
        if (b.consolation() != null) {
            v.require(b.consolation().mode() != null, "benefits.consolation.mode", "invalid_choice",
                    Text.of("须为按次（PER_STAY）或按天（PER_DAY）", "must be PER_STAY or PER_DAY"));
            v.require(b.consolation().amountFen() > 0, "benefits.consolation.amountFen", "not_positive", POSITIVE);
            v.require(b.consolation().capFen() >= 0, "benefits.consolation.capFen", "negative", CAP);
        }
        if (b.criticalIllness() != null) {
            v.require(b.criticalIllness().amountFen() > 0, "benefits.criticalIllness.amountFen", "not_positive", POSITIVE);
        }
        if (b.disability() != null) {
            v.require(b.disability().baseSumFen() > 0, "benefits.disability.baseSumFen", "not_positive", POSITIVE);
        }
        v.require(b.accidentalDeathFen() >= 0, "benefits.accidentalDeathFen", "negative",
                Text.of("不能为负数（0 表示不保障）", "must be 0 (not covered) or more"));
        v.require(b.overallCapFen() >= 0, "benefits.overallCapFen", "negative", CAP);
    }
}
