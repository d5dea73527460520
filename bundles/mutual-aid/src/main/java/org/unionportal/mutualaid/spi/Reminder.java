package org.unionportal.mutualaid.spi;

/**
 * One reminder to send: a text message to a member.
 *
 * @param id       the outbox row's id; the same reminder may be handed over again after a failure or
 *                 a crash between sending and recording it, so a gateway that can should use it as an
 *                 idempotency key
 * @param kind     what it is about, e.g. {@code CLAIM_RETURNED}, {@code COVER_ENDING},
 *                 {@code PAYMENT_MADE}, {@code DRAFT_CLAIM}
 * @param phone    the member's mobile number as stored (11 digits), or {@code null} when the member
 *                 has none; a sender that cannot deliver without one throws
 * @param message  the complete SMS text (Chinese, signed 【...】), at most 500 characters
 * @param memberId the member's id in the mutual-aid module
 */
public record Reminder(long id, String kind, String phone, String message, long memberId) {
}
