package org.conductd.outbound;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.conductd.config.MailServer;
import org.conductd.config.Settings;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox over SMTP: acknowledgements and alerts first, each message exactly
 * as queued (its Message-ID included). Temporary failures are retried with exponential
 * backoff; a permanent refusal (5xx) is recorded on the message and its case. No database
 * transaction is held while talking to the server.
 */
@Singleton
public final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);

    private final Settings settings;
    private final OutboxRepository outbox;
    private final EventRepository events;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    /** A permit means "there is new mail"; several wake-ups before a round count as one. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxSender(Settings settings, OutboxRepository outbox, EventRepository events,
                        TransactionOperations<Connection> tx, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the sender there is new mail, so it does not wait for its next round. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                drainOnce();
            } catch (RuntimeException e) {
                LOG.warn("The outbox could not be read: {}", e.toString());
            }
            waitForWork();
        }
    }

    private void waitForWork() {
        Duration wait = IDLE_WAIT;
        try {
            Instant next = tx.executeRead(status -> outbox.findNextAttempt()).orElse(null);
            if (next != null) {
                Duration untilNext = Duration.between(clock.instant(), next);
                wait = untilNext.isNegative() ? Duration.ofMillis(50) : untilNext.compareTo(IDLE_WAIT) < 0 ? untilNext : IDLE_WAIT;
            }
        } catch (RuntimeException e) {
            LOG.debug("could not read the next attempt time", e);
        }
        try {
            wakeUps.tryAcquire(Math.max(wait.toMillis(), 10), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Sends everything that is due; returns how many were accepted by the server. */
    public int drainOnce() {
        int accepted = 0;
        List<OutboxItem> due = tx.executeRead(status -> outbox.findDue(clock.instant(), BATCH));
        if (due.isEmpty()) {
            return 0;
        }
        Session session = SmtpSessions.session(settings.smtp(), settings.address().address());
        Transport transport = null;
        try {
            while (!due.isEmpty()) {
                for (OutboxItem item : due) {
                    if (transport == null || !transport.isConnected()) {
                        transport = connect(session);
                    }
                    if (send(session, transport, item)) {
                        accepted++;
                    }
                }
                due = tx.executeRead(status -> outbox.findDue(clock.instant(), BATCH));
            }
        } catch (MessagingException e) {
            // Could not connect at all: every due message waits for the next round.
            LOG.warn("The SMTP server is unavailable ({}); {} messages wait", e.getMessage(), due.size());
            for (OutboxItem item : due) {
                if (item.sentAt() == null) {
                    retryLater(item, "SMTP server unavailable: " + e.getMessage());
                }
            }
        } finally {
            close(transport);
        }
        return accepted;
    }

    private Transport connect(Session session) throws MessagingException {
        MailServer smtp = settings.smtp();
        Transport transport = session.getTransport(SmtpSessions.protocol(smtp));
        transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
        return transport;
    }

    /** One message: true if accepted. Failures are recorded, never thrown, so one bad message can't block the rest. */
    private boolean send(Session session, Transport transport, OutboxItem item) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(item.raw()));
            transport.sendMessage(message, new Address[] {new InternetAddress(item.recipient())});
        } catch (SMTPSendFailedException | SMTPAddressFailedException e) {
            int code = e instanceof SMTPSendFailedException s ? s.getReturnCode() : ((SMTPAddressFailedException) e).getReturnCode();
            if (code >= 500) {
                failPermanently(item, code + " " + e.getMessage());
            } else {
                retryLater(item, code + " " + e.getMessage());
            }
            return false;
        } catch (MessagingException e) {
            retryLater(item, e.getMessage());
            close(transport);
            return false;
        }
        tx.executeWrite(status -> {
            outbox.markSent(item.id(), clock.instant());
            return null;
        });
        LOG.info("Sent {} message {} for case {}", item.kind(), item.id(), item.caseId());
        return true;
    }

    private void retryLater(OutboxItem item, String error) {
        long factor = 1L << Math.min(item.attempts(), 10);
        Duration delay = FIRST_RETRY.multipliedBy(factor);
        if (delay.compareTo(LAST_RETRY) > 0) {
            delay = LAST_RETRY;
        }
        Instant next = clock.instant().plus(delay);
        LOG.warn("Delivery of outbox message {} failed temporarily; retrying at {}", item.id(), next);
        tx.executeWrite(status -> {
            outbox.markRetry(item.id(), next, truncate(error));
            return null;
        });
    }

    private void failPermanently(OutboxItem item, String error) {
        LOG.warn("Delivery of outbox message {} was refused permanently", item.id());
        tx.executeWrite(status -> {
            outbox.markFailed(item.id(), truncate(error));
            events.save(new CaseEvent(null, item.caseId(), clock.instant(), "conductd", "delivery-failed",
                    item.kind() + " message " + item.messageId() + " was refused: " + truncate(error), null));
            return null;
        });
    }

    private static String truncate(String s) {
        if (s == null) {
            return "unknown error";
        }
        String oneLine = s.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 500 ? oneLine.substring(0, 500) : oneLine;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection failed", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Jakarta Mail SMTP sessions with every timeout set. */
    static final class SmtpSessions {
        private SmtpSessions() {
        }

        static String protocol(MailServer smtp) {
            return smtp.security() == MailServer.Security.TLS ? "smtps" : "smtp";
        }

        static Session session(MailServer smtp, String envelopeFrom) {
            String p = "mail." + protocol(smtp) + ".";
            String timeout = Long.toString(smtp.timeout().toMillis());
            Properties props = new Properties();
            props.put(p + "host", smtp.host());
            props.put(p + "port", Integer.toString(smtp.port()));
            props.put(p + "connectiontimeout", timeout);
            props.put(p + "timeout", timeout);
            props.put(p + "writetimeout", timeout);
            props.put(p + "auth", Boolean.toString(!smtp.username().isEmpty()));
            // Bounces go back to the conduct address, where ingest records them.
            props.put(p + "from", envelopeFrom);
            if (smtp.security() == MailServer.Security.STARTTLS) {
                props.put(p + "starttls.enable", "true");
                props.put(p + "starttls.required", "true");
            }
            if (smtp.security() != MailServer.Security.NONE) {
                props.put(p + "ssl.checkserveridentity", "true");
            }
            return Session.getInstance(props);
        }
    }
}
