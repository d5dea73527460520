package org.unionportal.mutualaid.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionportal.api.money.Money;
import org.unionportal.api.rest.ProblemException.FieldError;

/**
 * The bank's answer to a payout batch, checked against the batch: the listed claims failed (each with the bank's
 * reason), every other claim of the batch was paid on {@code paidOn}. Pure: {@link #check} lists what is wrong.
 */
public record BankResult(LocalDate paidOn, Map<Long, String> failed, List<Long> paid, long paidFen, long failedFen) {
    public static final int MAX_REASON = 400;

    /** One failed transfer as sent: the claim and the bank's reason. */
    public record Failure(Long claimId, String reason) {
    }

    /** The outcome, or the problems (field names as the request has them). */
    public record Checked(BankResult result, List<FieldError> problems) {
    }

    /**
     * @param amounts    the batch's claims and their amounts (fen), in file order
     * @param approvedOn the day the batch was approved: no transfer is paid before it
     */
    public static Checked check(Map<Long, Long> amounts, LocalDate paidOn, List<Failure> failures, LocalDate approvedOn,
                                LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        if (paidOn == null) {
            problems.add(FieldError.of("paidOn", "required", "请填写银行的支付日期", "is required: the day the bank paid"));
        } else if (paidOn.isAfter(today)) {
            problems.add(FieldError.of("paidOn", "in_future", "支付日期不能晚于今天", "must not be in the future"));
        } else if (approvedOn != null && paidOn.isBefore(approvedOn)) {
            problems.add(FieldError.of("paidOn", "before_approval", "支付日期不能早于批次审批日期 " + approvedOn,
                    "must not be before the batch was approved (" + approvedOn + ")"));
        }
        Map<Long, String> failed = new LinkedHashMap<>();
        List<Failure> list = failures == null ? List.of() : failures;
        Set<Long> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Failure f = list.get(i);
            String field = "failed[" + i + "]";
            if (f == null || f.claimId() == null || !amounts.containsKey(f.claimId())) {
                problems.add(FieldError.of(field + ".claimId", "not_in_batch", "该理赔不在本批次中",
                        "is not a claim of this batch"));
                continue;
            }
            if (!seen.add(f.claimId())) {
                problems.add(FieldError.of(field + ".claimId", "duplicate", "理赔 " + f.claimId() + " 重复列出",
                        "claim " + f.claimId() + " is listed twice"));
                continue;
            }
            String reason = f.reason() == null ? "" : f.reason().strip();
            if (reason.isEmpty() || reason.length() > MAX_REASON) {
                problems.add(FieldError.of(field + ".reason", "reason_needed", "请填写银行退回的原因，如“账户已销户”（" + MAX_REASON + " 字以内）",
                        "give the bank's reason, e.g. the account is closed (at most " + MAX_REASON + " characters)"));
                continue;
            }
            failed.put(f.claimId(), reason);
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        List<Long> paid = amounts.keySet().stream().filter(id -> !failed.containsKey(id)).toList();
        long paidFen = Money.sum(paid.stream().map(amounts::get).toList());
        long failedFen = Money.sum(failed.keySet().stream().map(amounts::get).toList());
        return new Checked(new BankResult(paidOn, failed, paid, paidFen, failedFen), List.of());
    }
}
