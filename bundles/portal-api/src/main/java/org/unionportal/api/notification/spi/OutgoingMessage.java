package org.unionportal.api.notification.spi;

import org.unionportal.api.notification.Recipient;

/**
 * One message to send.
 *
 * @param id        the outbox row's id; the same message may be handed over again after a failure or a crash
 *                  between sending and recording it, so a gateway that can should use it as an idempotency key
 * @param module    the module that queued it
 * @param kind      what it is about, e.g. {@code PAYMENT_MADE}
 * @param recipient who it goes to (the member's or user's id)
 * @param phone     the mobile number as stored, or {@code null} when there is none; a sender that cannot
 *                  deliver without one throws
 * @param text      the complete text in the message's language, at most 500 characters
 */
public record OutgoingMessage(long id, String module, String kind, Recipient recipient, String phone, String text) {
}
