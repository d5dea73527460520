package org.unionportal.mutualaid.internal.rules;

import java.util.Objects;
import java.util.Set;

/**
 * Why a claim, or one item of it, is not paid.
 *
 * <p>Blocking codes ({@link #blocking()}) stop the whole claim: {@code NOT_COVERED_ON_EVENT_DATE},
 * {@code WAITING_PERIOD}, {@code INVALID_FACTS}. {@code NOT_ON_DISEASE_LIST} and
 * {@code ALREADY_PAID_ONCE_PER_TERM} only drop the critical-illness item; the rest of the claim
 * is still paid. {@code NOTHING_PAYABLE} is not a cause but the outcome, added when nothing
 * blocks and the total is still 0, so the member always gets a reason.
 */
public record Rejection(String code, String messageZh, String messageEn) {

    public static final String NOT_COVERED_ON_EVENT_DATE = "NOT_COVERED_ON_EVENT_DATE";
    public static final String WAITING_PERIOD = "WAITING_PERIOD";
    public static final String NOTHING_PAYABLE = "NOTHING_PAYABLE";
    public static final String INVALID_FACTS = "INVALID_FACTS";
    public static final String NOT_ON_DISEASE_LIST = "NOT_ON_DISEASE_LIST";
    public static final String ALREADY_PAID_ONCE_PER_TERM = "ALREADY_PAID_ONCE_PER_TERM";

    private static final Set<String> BLOCKING = Set.of(NOT_COVERED_ON_EVENT_DATE, WAITING_PERIOD, INVALID_FACTS);

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** True when this rejection stops the whole claim. */
    public boolean blocking() {
        return BLOCKING.contains(code);
    }

    static Rejection invalid(String zh, String en) {
        return new Rejection(INVALID_FACTS, zh, en);
    }
}
