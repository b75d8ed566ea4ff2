package org.conductd.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.conductd.outbound.AddressRedaction;

/**
 * The log message with every email address replaced by "[address]" (logback's {@code %msg}
 * otherwise). conductd's own log lines name no address, but an argument can carry one: an
 * exception's text, a mail server's reply. A log is read by whoever runs the machine, not
 * only by the team.
 */
public final class RedactedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return AddressRedaction.withoutAddresses(super.convert(event));
    }
}
