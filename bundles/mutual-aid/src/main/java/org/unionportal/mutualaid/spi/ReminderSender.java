package org.unionportal.mutualaid.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers reminders, e.g. through an SMS gateway. An adapter registers its implementation as an
 * OSGi service of this type; the module uses the one with the highest {@code service.ranking} (the
 * lowest {@code service.id} among equals) and follows changes at run time. Without any, the
 * module's default sender writes each reminder to the log and marks the outbox row sent with
 * sender {@code "log"}.
 *
 * <p>{@link #send} is called from the module's single dispatcher thread, outside any database
 * transaction, one reminder at a time. Returning normally means the reminder was handed over: the
 * row becomes {@code SENT} with {@code SENDER = name()}. Throwing counts a failed attempt and keeps
 * the exception's message as the row's last error; the reminder is tried again later, and is
 * marked {@code FAILED} after 5 failed attempts. Implementations should time out rather than block
 * for long.
 */
@ConsumerType
public interface ReminderSender {
    /** A short name recorded with every reminder this sender delivered (at most 100 characters), e.g. {@code "aliyun-sms"}. */
    String name();

    /** Hands the reminder over for delivery; throws when it could not. */
    void send(Reminder reminder) throws Exception;
}
