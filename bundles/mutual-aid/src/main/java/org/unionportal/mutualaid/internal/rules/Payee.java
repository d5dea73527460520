package org.unionportal.mutualaid.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.unionportal.api.rest.ProblemException.FieldError;

/**
 * Where a claim's benefit is transferred (收款账户): the bank and the member's account number. Both are needed
 * before the claim can go into a payout batch; the account is kept as digits only (blanks and dashes as people
 * type them are dropped).
 */
public record Payee(String bankName, String account) {
    public static final int MAX_BANK_NAME = 100;
    public static final int MIN_ACCOUNT_DIGITS = 10;
    public static final int MAX_ACCOUNT_DIGITS = 30;

    /** What a person typed, normalised: blank values become null, the account keeps its digits. */
    public static Payee of(String bankName, String account) {
        String bank = bankName == null || bankName.isBlank() ? null : bankName.strip();
        String digits = account == null ? null : account.replaceAll("[\\s\\-]", "");
        return new Payee(bank, digits == null || digits.isEmpty() ? null : digits);
    }

    /** Whether a transfer can be made to it. */
    public boolean complete() {
        return bankName != null && account != null;
    }

    /** Problems of the two fields (named {@code bankName} and {@code bankAccount}); both may be left empty together. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (bankName != null && bankName.length() > MAX_BANK_NAME) {
            errors.add(FieldError.of("bankName", "too_long", "最多 " + MAX_BANK_NAME + " 个字", "must be at most " + MAX_BANK_NAME + " characters"));
        }
        if (account != null && !account.matches("[0-9]{" + MIN_ACCOUNT_DIGITS + "," + MAX_ACCOUNT_DIGITS + "}")) {
            errors.add(FieldError.of("bankAccount", "invalid_account", "银行账号应为 " + MIN_ACCOUNT_DIGITS + "–" + MAX_ACCOUNT_DIGITS + " 位数字",
                    "must be " + MIN_ACCOUNT_DIGITS + " to " + MAX_ACCOUNT_DIGITS + " digits"));
        }
        if ((bankName == null) != (account == null)) {
            String missing = bankName == null ? "bankName" : "bankAccount";
            errors.add(bankName == null
                    ? FieldError.of(missing, "required", "填写银行账号时须同时填写开户银行", "is required with the account number")
                    : FieldError.of(missing, "required", "填写开户银行时须同时填写银行账号", "is required with the bank"));
        }
        return errors;
    }
}
