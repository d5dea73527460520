package org.unionportal.core.internal.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.notification.spi.MessageSender;
import org.unionportal.api.notification.spi.OutgoingMessage;
import org.unionportal.api.security.Masking;

/** The built-in sender, used while no {@link MessageSender} service is there: writes the message to the log. */
final class LogSender implements MessageSender {
    static final String NAME = "log";
    static final LogSender INSTANCE = new LogSender();
    private static final Logger LOG = LoggerFactory.getLogger(LogSender.class);

    private LogSender() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(OutgoingMessage message) {
        LOG.info("Notification {} ({} {}) to {} {} at {}: {}", message.id(), message.module(), message.kind(),
                message.recipient().kind(), message.recipient().reference(), Masking.phone(message.phone()), message.text());
    }
}
