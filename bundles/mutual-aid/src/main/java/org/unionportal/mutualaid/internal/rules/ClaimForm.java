package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.ProblemException.FieldError;

/**
 * A claim as the member or operator sends it (money in fen). {@link #problems} lists what is wrong
 * with each field; {@link #facts} is what the rules compute from.
 */
public record ClaimForm(Long enrolmentId, EventType eventType, LocalDate eventDate, LocalDate admissionDate,
                        LocalDate dischargeDate, String hospital, String diagnosis, String criticalIllness,
                        Integer disabilityGrade, Long totalCostFen, Long basicInsuranceFen, Long commercialInsuranceFen,
                        String bankName, String bankAccount) {
    public static final int MAX_HOSPITAL = 200;
    public static final int MAX_DIAGNOSIS = 500;
    public static final int MAX_CRITICAL_ILLNESS = 200;

    /** Every field problem, in field order; empty when the form can be computed. */
    public List<FieldError> problems(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (enrolmentId == null) {
            errors.add(FieldError.of("enrolmentId", "required", "请选择要申请理赔的参保记录", "is required"));
        }
        if (eventType == null) {
            errors.add(FieldError.of("eventType", "invalid_choice", "事件类型须为住院、重大疾病、意外伤残或意外身故",
                    "must be HOSPITAL_STAY, CRITICAL_ILLNESS, ACCIDENT_DISABILITY or ACCIDENTAL_DEATH"));
        }
        if (eventDate == null) {
            errors.add(FieldError.of("eventDate", "invalid_date", "请填写日期，格式如 2026-06-01", "must be a date (yyyy-MM-dd)"));
        } else if (eventDate.isAfter(today)) {
            errors.add(FieldError.of("eventDate", "in_future", "事件日期不能晚于今天", "must not be in the future"));
        }
        if (totalCostFen == null || totalCostFen < 0) {
            errors.add(FieldError.of("totalCostFen", "not_an_amount", "请填写医疗总费用，不能为负数",
                    "is required and must not be negative"));
        }
        if (basicInsuranceFen != null && basicInsuranceFen < 0) {
            errors.add(FieldError.of("basicInsuranceFen", "not_an_amount", "基本医保支付金额不能为负数", "must not be negative"));
        }
        if (commercialInsuranceFen != null && commercialInsuranceFen < 0) {
            errors.add(FieldError.of("commercialInsuranceFen", "not_an_amount", "商业保险支付金额不能为负数", "must not be negative"));
        }
        outOfRange(errors, "eventDate", eventDate);
        outOfRange(errors, "admissionDate", admissionDate);
        outOfRange(errors, "dischargeDate", dischargeDate);
        tooLarge(errors, "totalCostFen", totalCostFen);
        tooLarge(errors, "basicInsuranceFen", basicInsuranceFen);
        tooLarge(errors, "commercialInsuranceFen", commercialInsuranceFen);
        tooLong(errors, "hospital", hospital, MAX_HOSPITAL);
        tooLong(errors, "diagnosis", diagnosis, MAX_DIAGNOSIS);
        tooLong(errors, "criticalIllness", criticalIllness, MAX_CRITICAL_ILLNESS);
        errors.addAll(payee().problems());
        return errors;
    }

    /** The facts the rules compute from; call only when {@link #problems} found nothing. */
    public ClaimFacts facts() {
        return new ClaimFacts(eventType, eventDate, admissionDate, dischargeDate, blankToNull(criticalIllness), disabilityGrade,
                totalCostFen, basicInsuranceFen == null ? 0 : basicInsuranceFen,
                commercialInsuranceFen == null ? 0 : commercialInsuranceFen);
    }

    /** Where the benefit goes (收款账户); may be given later, before the claim is paid. */
    public Payee payee() {
        return Payee.of(bankName, bankAccount);
    }

    public String hospitalOrNull() {
        return blankToNull(hospital);
    }

    public String diagnosisOrNull() {
        return blankToNull(diagnosis);
    }

    /** Far beyond any hospital bill, and small enough that the benefit rules' sums and shares cannot overflow. */
    private static void tooLarge(List<FieldError> errors, String field, Long fen) {
        if (fen != null && fen > Money.DEFAULT_MAX_FEN) {
            errors.add(FieldError.of(field, "too_large", "金额不能超过 " + Money.withUnit(Money.DEFAULT_MAX_FEN),
                    "must be at most CNY " + Money.grouped(Money.DEFAULT_MAX_FEN)));
        }
    }

    /** A day the column can store and a person could mean (Derby stores years 1 to 9999 only). */
    private static void outOfRange(List<FieldError> errors, String field, LocalDate date) {
        if (date != null && (date.getYear() < 1900 || date.getYear() > 2999)) {
            errors.add(FieldError.of(field, "date_out_of_range", "日期须在 1900 年到 2999 年之间", "must be between the years 1900 and 2999"));
        }
    }

    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "too_long", "最多 " + max + " 个字", "must be at most " + max + " characters"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
