package org.unionportal.mutualaid.internal.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.security.Masking;
import org.unionportal.mutualaid.spi.Reminder;
import org.unionportal.mutualaid.spi.ReminderSender;

/** The built-in sender, used while no {@link ReminderSender} service is there: writes the reminder to the log. */
final class LogSender implements ReminderSender {
    static final String NAME = Reminders.LOG_SENDER;
    static final LogSender INSTANCE = new LogSender();
    private static final Logger LOG = LoggerFactory.getLogger(LogSender.class);

    private LogSender() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(Reminder reminder) {
        LOG.info("Reminder {} ({}) to member {} at {}: {}", reminder.id(), reminder.kind(), reminder.memberId(),
                Masking.phone(reminder.phone()), reminder.message());
    }
}
