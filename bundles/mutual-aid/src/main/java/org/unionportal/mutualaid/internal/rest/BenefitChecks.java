package org.unionportal.mutualaid.internal.rest;

import org.unionportal.api.rest.Validation;
import org.unionportal.mutualaid.internal.rules.Benefits;

/** Field checks for the benefit items of a plan. */
final class BenefitChecks {
    private BenefitChecks() {
    }

    static void check(Benefits b, Validation v) {
        if (b.medical() != null) {
            v.require(b.medical().sharePercent() >= 0 && b.medical().sharePercent() <= 100, "benefits.medical.sharePercent",
                    "must be 0 to 100");
            v.require(b.medical().deductibleFen() >= 0, "benefits.medical.deductibleFen", "must be 0 or more");
            v.require(b.medical().perClaimCapFen() >= 0, "benefits.medical.perClaimCapFen", "must be 0 (no cap) or more");
            v.require(b.medical().yearlyCapFen() >= 0, "benefits.medical.yearlyCapFen", "must be 0 (no cap) or more");
        }
        if (b.consolation() != null) {
            v.require(b.consolation().mode() != null, "benefits.consolation.mode", "must be PER_STAY or PER_DAY");
            v.require(b.consolation().amountFen() > 0, "benefits.consolation.amountFen", "must be more than 0");
            v.require(b.consolation().capFen() >= 0, "benefits.consolation.capFen", "must be 0 (no cap) or more");
        }
        if (b.criticalIllness() != null) {
            v.require(b.criticalIllness().amountFen() > 0, "benefits.criticalIllness.amountFen", "must be more than 0");
        }
        if (b.disability() != null) {
            v.require(b.disability().baseSumFen() > 0, "benefits.disability.baseSumFen", "must be more than 0");
        }
        v.require(b.accidentalDeathFen() >= 0, "benefits.accidentalDeathFen", "must be 0 (not covered) or more");
        v.require(b.overallCapFen() >= 0, "benefits.overallCapFen", "must be 0 (no cap) or more");
    }
}
