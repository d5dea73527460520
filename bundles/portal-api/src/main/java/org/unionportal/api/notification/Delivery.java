package org.unionportal.api.notification;

import java.time.Instant;

/**
 * The state a message had in a module's own outbox, for {@link Notifications#adopt}: so that a module that
 * kept an outbox before this service existed hands it over with its history.
 *
 * @param status    {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param attempts  failed attempts so far
 * @param lastError the last failure, or null
 * @param createdAt when it was queued
 * @param sentAt    when it was sent, or null
 * @param sender    the sender that sent it, or null
 */
public record Delivery(String status, int attempts, String lastError, Instant createdAt, Instant sentAt, String sender) {
}
