package org.unionportal.mutualaid.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.money.Money;

/**
 * Validity of claim facts. Every problem found is reported (not just the first) so the
 * operator can fix the form in one go. Each problem is an {@code INVALID_FACTS} rejection.
 */
final class FactsCheck {

    private FactsCheck() {
    }

    static List<Rejection> problems(ClaimFacts f) {
        List<Rejection> out = new ArrayList<>();
        if (f.type() == null) {
            out.add(Rejection.invalid("缺少事件类型", "event type missing"));
        }
        if (f.eventDate() == null) {
            out.add(Rejection.invalid("缺少发病/事故日期", "event date missing"));
        }
        checkStay(f, out);
        checkMoney(f, out);
        checkTypeSpecific(f, out);
        return out;
    }

    private static void checkStay(ClaimFacts f, List<Rejection> out) {
        if ((f.admissionDate() == null) != (f.dischargeDate() == null)) {
            out.add(Rejection.invalid("入院日期和出院日期须同时填写或同时不填",
                    "admission and discharge dates must both be given or both be empty"));
            return;
        }
        if (!f.hasHospitalStay()) {
            if (f.type() == EventType.HOSPITAL_STAY) {
                out.add(Rejection.invalid("住院类理赔须填写入院和出院日期",
                        "a hospital-stay claim needs admission and discharge dates"));
            }
            return;
        }
        if (f.dischargeDate().isBefore(f.admissionDate())) {
            out.add(Rejection.invalid(
                    "出院日期 " + f.dischargeDate() + " 早于入院日期 " + f.admissionDate(),
                    "discharge date " + f.dischargeDate() + " is before admission date " + f.admissionDate()));
            return;
        }
        if (f.eventDate() != null
                && (f.eventDate().isBefore(f.admissionDate()) || f.eventDate().isAfter(f.dischargeDate()))) {
            out.add(Rejection.invalid(
                    "事件日期 " + f.eventDate() + " 不在住院期间 " + f.admissionDate() + " 至 " + f.dischargeDate() + " 内",
                    "event date " + f.eventDate() + " is outside the stay " + f.admissionDate()
                            + " to " + f.dischargeDate()));
        }
    }

    private static void checkMoney(ClaimFacts f, List<Rejection> out) {
        boolean negative = false;
        negative |= negative(out, "总医疗费用", "total cost", f.totalCostFen());
        negative |= negative(out, "基本医疗保险支付", "basic insurance paid", f.basicInsuranceFen());
        negative |= negative(out, "商业保险支付", "commercial insurance paid", f.commercialInsuranceFen());
        // Both are non-negative here, so the subtraction cannot overflow.
        if (!negative && f.basicInsuranceFen() > f.totalCostFen() - f.commercialInsuranceFen()) {
            String paid = Money.yuan(f.basicInsuranceFen()) + " + " + Money.yuan(f.commercialInsuranceFen());
            out.add(Rejection.invalid(
                    "医保和商业保险共支付 " + paid + " 元，超过总医疗费用 " + Money.yuan(f.totalCostFen()) + " 元",
                    "insurance paid " + paid + " CNY, more than the total cost of "
                            + Money.yuan(f.totalCostFen()) + " CNY"));
        }
    }

    private static boolean negative(List<Rejection> out, String zh, String en, long fen) {
        if (fen >= 0) {
            return false;
        }
        out.add(Rejection.invalid(zh + "不能为负数：" + Money.yuan(fen) + " 元",
                en + " must not be negative: " + Money.yuan(fen) + " CNY"));
        return true;
    }

    private static void checkTypeSpecific(ClaimFacts f, List<Rejection> out) {
        Integer grade = f.disabilityGrade();
        if (grade != null && !DisabilityBenefit.isValidGrade(grade)) {
            out.add(Rejection.invalid("伤残等级须为 1 至 10 级：" + grade,
                    "disability grade must be 1 to 10: " + grade));
        }
        if (grade != null && f.type() != null && f.type() != EventType.ACCIDENT_DISABILITY) {
            // A grade on an illness claim would pay a disability benefit the plan only gives for accidents.
            out.add(Rejection.invalid("伤残等级只适用于意外伤残类理赔",
                    "a disability grade only belongs to an accidental-disability claim"));
        }
        if (f.type() == EventType.ACCIDENT_DISABILITY && grade == null) {
            out.add(Rejection.invalid("意外伤残类理赔须填写伤残等级",
                    "an accidental-disability claim needs a disability grade"));
        }
        if (f.type() == EventType.CRITICAL_ILLNESS && LumpSumBenefit.normalize(f.criticalIllness()).isEmpty()) {
            out.add(Rejection.invalid("重大疾病类理赔须填写诊断的疾病名称",
                    "a critical-illness claim needs the diagnosed illness"));
        }
    }
}
