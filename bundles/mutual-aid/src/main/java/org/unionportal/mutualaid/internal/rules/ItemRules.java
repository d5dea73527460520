package org.unionportal.mutualaid.internal.rules;

import java.util.List;
import java.util.Optional;
import org.unionportal.api.money.Money;

import static org.unionportal.api.money.Money.yuan;

/**
 * The rule of each benefit item, each on valid facts. A method returns null when the item
 * does not apply to the claim (not covered by the plan, or the facts do not trigger it).
 */
final class ItemRules {

    private ItemRules() {
    }

    /** 住院医疗费用, with the per-claim cap and then the yearly cap. */
    static Line medical(MedicalBenefit m, ClaimFacts f, PriorUsage prior) {
        if (m == null || !f.hasHospitalStay() || f.totalCostFen() == 0) {
            return null;
        }
        long base = f.totalCostFen() - f.basicInsuranceFen() - f.commercialInsuranceFen() - m.deductibleFen();
        long amount = base > 0 ? Money.percentOf(base, m.sharePercent()) : 0;
        StringBuilder zh = new StringBuilder("住院医疗费用：(")
                .append(yuan(f.totalCostFen())).append(" − ").append(yuan(f.basicInsuranceFen()))
                .append(" − ").append(yuan(f.commercialInsuranceFen()))
                .append(" − 起付线 ").append(yuan(m.deductibleFen())).append(") × ")
                .append(m.sharePercent()).append("% = ").append(yuan(amount)).append(" 元");
        StringBuilder en = new StringBuilder("Hospital medical costs: (")
                .append(yuan(f.totalCostFen())).append(" − ").append(yuan(f.basicInsuranceFen()))
                .append(" − ").append(yuan(f.commercialInsuranceFen()))
                .append(" − deductible ").append(yuan(m.deductibleFen())).append(") × ")
                .append(m.sharePercent()).append("% = ").append(yuan(amount)).append(" CNY");
        if (base <= 0) {
            zh.append("（扣除医保、商业保险和起付线后无余额）");
            en.append(" (nothing left after insurance and deductible)");
        }
        boolean capped = false;
        if (m.perClaimCapFen() > 0 && amount > m.perClaimCapFen()) {
            amount = m.perClaimCapFen();
            capped = true;
            zh.append("；超过单次限额 ").append(yuan(m.perClaimCapFen())).append(" 元，支付 ").append(yuan(amount)).append(" 元");
            en.append("; over the per-claim cap of ").append(yuan(m.perClaimCapFen()))
                    .append(" CNY, ").append(yuan(amount)).append(" CNY paid");
        }
        long room = Checks.room(m.yearlyCapFen(), prior.medicalPaidInYearFen());
        if (amount > room) {
            amount = room;
            capped = true;
            int year = f.medicalYear();
            zh.append("；").append(year).append(" 年度医疗费用限额 ").append(yuan(m.yearlyCapFen()))
                    .append(" 元，已付 ").append(yuan(prior.medicalPaidInYearFen()))
                    .append(" 元，剩余 ").append(yuan(room)).append(" 元，支付 ").append(yuan(amount)).append(" 元");
            en.append("; yearly medical cap for ").append(year).append(" of ").append(yuan(m.yearlyCapFen()))
                    .append(" CNY, ").append(yuan(prior.medicalPaidInYearFen())).append(" already paid, ")
                    .append(yuan(room)).append(" left, ").append(yuan(amount)).append(" CNY paid");
        }
        return new Line(Line.MEDICAL, amount, zh.toString(), en.toString(), capped);
    }

    /** 住院慰问金, per stay or per day, with the cap per stay. */
    static Line consolation(ConsolationBenefit c, ClaimFacts f) {
        if (c == null || !f.hasHospitalStay()) {
            return null;
        }
        long amount;
        String zh;
        String en;
        if (c.mode() == ConsolationMode.PER_DAY) {
            long days = f.hospitalDays();
            amount = Math.multiplyExact(days, c.amountFen());
            zh = "住院慰问金：" + days + " 天 × " + yuan(c.amountFen()) + " 元/天 = " + yuan(amount) + " 元";
            en = "Hospital consolation: " + days + " days × " + yuan(c.amountFen()) + " CNY/day = "
                    + yuan(amount) + " CNY";
        } else {
            amount = c.amountFen();
            zh = "住院慰问金：每次住院 " + yuan(amount) + " 元";
            en = "Hospital consolation: " + yuan(amount) + " CNY per stay";
        }
        if (c.capFen() > 0 && amount > c.capFen()) {
            amount = c.capFen();
            zh += "；超过每次住院上限 " + yuan(c.capFen()) + " 元，支付 " + yuan(amount) + " 元";
            en += "; over the cap per stay of " + yuan(c.capFen()) + " CNY, " + yuan(amount) + " CNY paid";
            return new Line(Line.CONSOLATION, amount, zh, en, true);
        }
        return new Line(Line.CONSOLATION, amount, zh, en, false);
    }

    /**
     * 重大疾病互助金: the diagnosis must be on the list, and it is paid once per term. A refusal
     * drops only this item, recorded in {@code rejections}.
     */
    static Line criticalIllness(LumpSumBenefit b, ClaimFacts f, PriorUsage prior, List<Rejection> rejections) {
        if (b == null || LumpSumBenefit.normalize(f.criticalIllness()).isEmpty()) {
            return null;
        }
        String diagnosis = f.criticalIllness().strip();
        Optional<String> match = b.matchedDisease(diagnosis);
        if (match.isEmpty()) {
            rejections.add(new Rejection(Rejection.NOT_ON_DISEASE_LIST,
                    "诊断“" + diagnosis + "”不在本项目重大疾病病种清单内（" + String.join("、", b.diseases()) + "）",
                    "diagnosis “" + diagnosis + "” is not on the plan's critical-illness list ("
                            + String.join(", ", b.diseases()) + ")"));
            return null;
        }
        if (prior.criticalIllnessPaidInTerm()) {
            rejections.add(new Rejection(Rejection.ALREADY_PAID_ONCE_PER_TERM,
                    "重大疾病互助金每个保障期只给付一次，本期已给付",
                    "the critical-illness payment is made once per term and was already paid in this term"));
            return null;
        }
        String listed = match.get();
        String zhWhy = listed.equals(diagnosis) ? "诊断“" + diagnosis + "”" : "诊断“" + diagnosis + "”属于“" + listed + "”";
        String enWhy = listed.equals(diagnosis)
                ? "diagnosis “" + diagnosis + "”"
                : "diagnosis “" + diagnosis + "” falls under “" + listed + "”";
        return new Line(Line.CRITICAL_ILLNESS, b.amountFen(),
                "重大疾病互助金：" + zhWhy + "，每个保障期给付一次 " + yuan(b.amountFen()) + " 元",
                "Critical illness: " + enWhy + ", paid once per term: " + yuan(b.amountFen()) + " CNY",
                false);
    }

    /**
     * 身体伤残互助金 by grade. Disability payments within one term add up to at most the base
     * sum (100 %), so a worsening injury paid again cannot pay more than grade 1 in all.
     */
    static Line disability(DisabilityBenefit d, ClaimFacts f, PriorUsage prior) {
        if (d == null || f.disabilityGrade() == null) {
            return null;
        }
        int grade = f.disabilityGrade();
        int percent = DisabilityBenefit.percentForGrade(grade);
        long amount = d.amountForGrade(grade);
        String zh = "身体伤残互助金：伤残 " + grade + " 级按 " + percent + "% 给付，" + yuan(d.baseSumFen())
                + " × " + percent + "% = " + yuan(amount) + " 元";
        String en = "Disability: grade " + grade + " pays " + percent + "%, " + yuan(d.baseSumFen())
                + " × " + percent + "% = " + yuan(amount) + " CNY";
        long room = Checks.room(d.baseSumFen(), prior.disabilityPaidInTermFen());
        if (amount > room) {
            amount = room;
            zh += "；本期伤残互助金累计以 " + yuan(d.baseSumFen()) + " 元为限，已付 "
                    + yuan(prior.disabilityPaidInTermFen()) + " 元，支付 " + yuan(amount) + " 元";
            en += "; disability payments in a term are limited to " + yuan(d.baseSumFen()) + " CNY, "
                    + yuan(prior.disabilityPaidInTermFen()) + " already paid, " + yuan(amount) + " CNY paid";
            return new Line(Line.DISABILITY, amount, zh, en, true);
        }
        return new Line(Line.DISABILITY, amount, zh, en, false);
    }

    /** 意外身故互助金: the fixed sum, on an accidental-death claim. */
    static Line accidentalDeath(long sumFen, ClaimFacts f) {
        if (sumFen == 0 || f.type() != EventType.ACCIDENTAL_DEATH) {
            return null;
        }
        return new Line(Line.ACCIDENTAL_DEATH, sumFen,
                "意外身故互助金：" + yuan(sumFen) + " 元",
                "Accidental death: " + yuan(sumFen) + " CNY", false);
    }
}
