package org.conductd.app;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.conductd.config.MailServer;
import org.conductd.config.Settings;
import org.conductd.outbound.SmtpProbe;

/** "smtp" in /health: DOWN when the outgoing server refuses a connection, EHLO or the login. */
@Singleton
final class SmtpHealthIndicator extends MailServerHealth {

    private final String envelopeFrom;

    SmtpHealthIndicator(Settings settings, @Named(TaskExecutors.IO) ExecutorService io, Clock clock) {
        super("smtp", settings.smtp(), io, clock);
        this.envelopeFrom = settings.address().address();
    }

    @Override
    void probe(MailServer server) throws Exception {
        SmtpProbe.connect(server, envelopeFrom);
    }
}
