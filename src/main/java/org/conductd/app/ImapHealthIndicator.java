package org.conductd.app;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.conductd.config.MailServer;
import org.conductd.config.Settings;
import org.conductd.ingest.ImapProbe;

/** "imap" in /health: DOWN when the conduct mailbox's server refuses a connection or the login. */
@Singleton
final class ImapHealthIndicator extends MailServerHealth {

    ImapHealthIndicator(Settings settings, @Named(TaskExecutors.IO) ExecutorService io, Clock clock) {
        super("imap", settings.imap(), io, clock);
    }

    @Override
    void probe(MailServer server) throws Exception {
        ImapProbe.login(server);
    }
}
