package org.unionportal.api.notification.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers messages, e.g. through an SMS gateway, registered as an OSGi service. The portal uses the one with
 * the highest {@code service.ranking} and follows changes at run time.
 *
 * <p>{@link #send} is called from the portal's single dispatcher thread, outside any database transaction,
 * one message at a time. Returning normally means the message was handed over: the row becomes {@code SENT}
 * with {@code SENDER = name()}. Throwing counts a failed attempt and keeps the exception's message as the row's
 * last error; the message is tried again later (after 30 s, 2 min, 10 min, 30 min) and marked {@code FAILED}
 * after 5 failed attempts. Implementations should time out rather than block for long.
 */
@ConsumerType
public interface MessageSender {
    /** A short name recorded with every message this sender delivered (at most 100 characters), e.g. {@code "aliyun-sms"}. */
    String name();

    /** Hands the message over for delivery; throws when it could not. */
    void send(OutgoingMessage message) throws Exception;
}
