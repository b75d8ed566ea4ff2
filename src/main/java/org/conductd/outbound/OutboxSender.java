package org.conductd.outbound;

import static org.conductd.outbound.AddressRedaction.forTheRecord;
import static org.conductd.outbound.AddressRedaction.withoutAddresses;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.conductd.config.MailServer;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.Backoff;
import org.conductd.mail.EmailAddress;
import org.conductd.mail.PausePoint;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox over SMTP: acknowledgements and alerts first, each message exactly
 * as queued (its Message-ID included). Temporary failures are retried with exponential
 * backoff for up to three days; a permanent refusal (5xx), or a message still refused after
 * three days, is recorded on the message and its case and passed to the
 * {@link DeliveryFailureListener} in the same transaction. No database transaction is held
 * while talking to the server, and nothing stored or logged names an email address.
 *
 * <p>Metrics: {@code conductd.mail.sent}, {@code conductd.mail.send.failures} (by {@code type}:
 * {@code temporary} and {@code permanent} refusals of one message, {@code unavailable} for a
 * round that could not reach the server) and the gauge {@code conductd.outbox.depth}.
 */
@Singleton
public final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** The sender's thread, one of the daemon's own. */
    public static final String THREAD_NAME = "outbox-sender";
    private static final int BATCH = 50;
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
    private static final int SENT_RECORD_TRIES = 5;
    private static final Duration SENT_RECORD_PAUSE = Duration.ofMillis(200);
    /** How long stopping waits for the message in hand to be sent and recorded before it interrupts the sender. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The reply code and enhanced status a refusal starts with: "550 5.1.1". */

    private final Settings settings;
    private final OutboxRepository outbox;
    private final EventRepository events;
    private final TransactionOperations<Connection> tx;
    private final DeliveryFailureListener failures;
    private final Clock clock;
    private final Counter sent;
    private final Counter unrecorded;
    private final MeterRegistry metrics;
    /** A permit means "there is new mail"; several wake-ups before a round count as one. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    /** Set by {@link #close()}: a round ends before its next message, not in the middle of one. */
    private volatile boolean stopping;
    /** Set when a round ended because the database could not read the outbox or record a message's fate. */
    private volatile boolean stalled;
    /**
     * Messages the SMTP server accepted whose sending could not be recorded yet: until the
     * record is made they are not sent again by this process. Only a stop before the record
     * is made can send one twice, with the same Message-ID (SPEC §4).
     */
    private final Set<Long> acceptedUnrecorded = ConcurrentHashMap.newKeySet();
    private Thread thread;

    public OutboxSender(Settings settings, OutboxRepository outbox, EventRepository events,
                        TransactionOperations<Connection> tx, DeliveryFailureListener failures, Clock clock,
                        MeterRegistry metrics) {
        this.settings = settings;
        this.outbox = outbox;
        this.events = events;
        this.tx = tx;
        this.failures = failures;
        this.clock = clock;
        this.metrics = metrics;
        this.sent = Counter.builder("conductd.mail.sent").description("Messages accepted by the SMTP server").register(metrics);
        this.unrecorded = Counter.builder("conductd.mail.sent.unrecorded")
                .description("Messages accepted by the SMTP server whose sending the database could not record at once")
                .register(metrics);
        Gauge.builder("conductd.outbox.depth", this, OutboxSender::pending)
                .description("Messages waiting in the outbox").register(metrics);
    }

    /** The number of messages waiting to be sent; read when the metrics are read. */
    private double pending() {
        return tx.executeRead(status -> outbox.countByState(OutboxState.PENDING));
    }

    private void countFailure(String type) {
        Counter.builder("conductd.mail.send.failures").description("Failed attempts to send a message")
                .tag("type", type).register(metrics).increment();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = false;
        thread = new Thread(this::loop, THREAD_NAME);
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
                LOG.warn("The outbox could not be read or updated: {}", withoutAddresses(e.toString()));
                stalled = true;
            }
            if (stalled) {
                // What could not be recorded is still due: trying it again at once would only repeat it. A wake-up
                // after the stall began (the daemon's next completed sync, which needs the database too) ends the
                // wait, so a database that was locked for a moment holds up no mail once it is free.
                stalled = false;
                wakeUps.drainPermits();
                awaitWakeUp(IDLE_WAIT);
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
        awaitWakeUp(wait);
    }

    /** Waits until {@link #wake()} is called or the time is up. */
    private void awaitWakeUp(Duration wait) {
        try {
            wakeUps.tryAcquire(Math.max(wait.toMillis(), 10), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Sends everything that is due; returns how many were accepted by the server. A round
     * ends early if the database cannot record what happened to a message, so that message
     * is not sent over and over within one round.
     */
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
                for (int i = 0; i < due.size(); i++) {
                    if (stopping) {
                        return accepted;
                    }
                    OutboxItem item = due.get(i);
                    if (transport == null || !transport.isConnected()) {
                        try {
                            transport = connect(session);
                        } catch (MessagingException e) {
                            waitOutOutage(due.subList(i, due.size()), e);
                            return accepted;
                        }
                    }
                    Outcome outcome = deliver(session, transport, item);
                    if (outcome == Outcome.SENT) {
                        accepted++;
                    } else if (outcome == Outcome.UNRECORDED) {
                        stalled = true;
                        return accepted;
                    }
                }
                due = tx.executeRead(status -> outbox.findDue(clock.instant(), BATCH));
            }
        } finally {
            close(transport);
        }
        return accepted;
    }

    /**
     * Sends these queued messages now, for a one-shot command such as {@code digest --send};
     * what fails here is retried by the daemon's sender. Returns how many were accepted.
     */
    public int deliverNow(List<Long> ids) {
        List<OutboxItem> items = tx.executeRead(status -> {
            List<OutboxItem> found = new java.util.ArrayList<>();
            for (long id : ids) {
                outbox.findById(id).filter(i -> i.state() == org.conductd.store.OutboxState.PENDING).ifPresent(found::add);
            }
            return found;
        });
        if (items.isEmpty()) {
            return 0;
        }
        Session session = SmtpSessions.session(settings.smtp(), settings.address().address());
        Transport transport = null;
        int accepted = 0;
        try {
            transport = connect(session);
            for (OutboxItem item : items) {
                if (deliver(session, transport, item) == Outcome.SENT) {
                    accepted++;
                }
            }
        } catch (MessagingException e) {
            LOG.warn("The SMTP server is unavailable ({}); the daemon will send the rest", withoutAddresses(SmtpFailure.describe(e)));
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

    /** No connection at all: every message left waits for the next round, however old (SPEC §4: outages are waited out). */
    private void waitOutOutage(List<OutboxItem> waiting, MessagingException e) {
        String reason = "SMTP server unavailable: " + SmtpFailure.describe(e);
        countFailure("unavailable");
        LOG.warn("The SMTP server is unavailable ({}); {} messages wait", withoutAddresses(SmtpFailure.describe(e)), waiting.size());
        for (OutboxItem item : waiting) {
            retryLater(item, reason);
        }
    }

    /** What became of one message in a round. */
    private enum Outcome { SENT, NOT_SENT, UNRECORDED }

    /** One message. Failures are recorded, never thrown, so one bad message can't block the rest. */
    private Outcome deliver(Session session, Transport transport, OutboxItem item) {
        if (acceptedUnrecorded.contains(item.id())) {
            // The server has it already: only the record is missing, and sending it again would repeat it.
            return recordSent(item) ? Outcome.SENT : Outcome.UNRECORDED;
        }
        Optional<Boolean> withdrawn = withdrawIfConflicted(item);
        if (withdrawn.isEmpty()) {
            return Outcome.UNRECORDED;
        }
        if (withdrawn.get()) {
            return Outcome.NOT_SENT;
        }
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(item.raw()));
            transport.sendMessage(message, new Address[] {new InternetAddress(item.recipient())});
        } catch (MessagingException e) {
            // After a failure the connection's state is unknown; the next message opens a fresh one.
            close(transport);
            return recordFailure(item, SmtpFailure.of(e));
        } catch (RuntimeException e) {
            // A bug or an odd row must not stop the queue: this message is tried again later like any temporary failure.
            close(transport);
            return recordFailure(item, new SmtpFailure(false, e.toString()));
        }
        PausePoint.reach(PausePoint.AFTER_SMTP_ACCEPT);
        sent.increment();
        if (!recordSent(item)) {
            return Outcome.UNRECORDED;
        }
        LOG.info("Sent {} message {} for case {}", item.kind(), item.id(), item.caseId());
        return Outcome.SENT;
    }

    /**
     * Mail queued to a member before they were declared conflicted in its case, or before
     * REPORTED: named them, is withdrawn instead of sent (SPEC §3.3): the conflict is checked
     * now, when sending, not only when the mail was queued. Content-free notices meant for
     * conflicted members still go. Empty when the database cannot say: nothing is sent then.
     */
    private Optional<Boolean> withdrawIfConflicted(OutboxItem item) {
        if (item.member() == null || item.caseId() == null || item.forConflicted()) {
            return Optional.of(false);
        }
        try {
            if (tx.executeRead(status -> outbox.countToConflictedMember(item.id())) == 0) {
                return Optional.of(false);
            }
            tx.executeWrite(status -> {
                outbox.markWithdrawn(item.id());
                events.save(new CaseEvent(null, item.caseId(), clock.instant(), Actor.CONDUCTD, EventKind.MAIL_WITHDRAWN,
                        "a " + item.kind() + " to " + settings.member(EmailAddress.of(item.member()))
                                .map(TeamMember::name).orElse("a former member")
                                + " was withdrawn: they have a conflict of interest in the case", null));
                return null;
            });
            LOG.info("Withdrew {} message {} for case {}: its recipient has a conflict of interest",
                    item.kind(), item.id(), item.caseId());
            return Optional.of(true);
        } catch (RuntimeException e) {
            LOG.warn("Could not check message {} against the case's conflicts ({}); it waits", item.id(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * The server has the message: record that, waiting out a busy database for a moment. If
     * it cannot be recorded the message stays pending and may go out again with the same
     * Message-ID, the one duplicate SPEC §4 allows.
     */
    private boolean recordSent(OutboxItem item) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWrite(status -> {
                    outbox.markSent(item.id(), clock.instant());
                    return null;
                });
                acceptedUnrecorded.remove(item.id());
                return true;
            } catch (RuntimeException e) {
                if (attempt >= SENT_RECORD_TRIES || !pause(SENT_RECORD_PAUSE)) {
                    if (acceptedUnrecorded.add(item.id())) {
                        unrecorded.increment();
                        LOG.error("Outbox message {} was accepted by the SMTP server but could not be recorded as sent ({}); "
                                + "it is recorded later, and sent again only if conductd stops first",
                                item.id(), withoutAddresses(e.toString()));
                    }
                    return false;
                }
            }
        }
    }

    private Outcome recordFailure(OutboxItem item, SmtpFailure failure) {
        countFailure(failure.permanent() ? "permanent" : "temporary");
        try {
            if (failure.permanent()) {
                failPermanently(item, failure.reason(), failure.replyCode());
            } else if (item.createdAt().plus(GIVE_UP_AFTER).isBefore(clock.instant())) {
                failPermanently(item, "still refused after " + GIVE_UP_AFTER.toDays() + " days: " + failure.reason(),
                        "not accepted within " + GIVE_UP_AFTER.toDays() + " days");
            } else {
                retryLater(item, failure.reason());
            }
            return Outcome.NOT_SENT;
        } catch (RuntimeException e) {
            LOG.warn("The failed delivery of outbox message {} could not be recorded ({}); the rest waits for the next round",
                    item.id(), withoutAddresses(e.toString()));
            return Outcome.UNRECORDED;
        }
    }

    private void retryLater(OutboxItem item, String error) {
        Instant next = clock.instant().plus(RETRIES.after(item.attempts() + 1));
        LOG.warn("Delivery of outbox message {} failed temporarily ({}); retrying at {}", item.id(), forTheRecord(error), next);
        tx.executeWrite(status -> {
            outbox.markRetry(item.id(), next, forTheRecord(error));
            return null;
        });
    }

    /** Records the failure on the message and its case, and tells the listener, in one transaction. */
    private void failPermanently(OutboxItem item, String error, String code) {
        String reason = forTheRecord(error);
        LOG.warn("Delivery of outbox message {} failed for good: {}", item.id(), reason);
        tx.executeWrite(status -> {
            Instant now = clock.instant();
            outbox.markFailed(item.id(), reason);
            events.save(new CaseEvent(null, item.caseId(), now, Actor.CONDUCTD, EventKind.DELIVERY_FAILED,
                    failures.describe(item) + " was refused: " + reason, null));
            failures.deliveryFailed(item, new DeliveryFailureListener.Failure(code, reason, now, null));
            return null;
        });
    }

    /** Sleeps; false if the sender is being stopped. */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    /**
     * Stops the sender once the message in hand is sent and recorded. Interrupted at once, a
     * sender that the server had just answered could not get a database connection to record
     * the message, which would then go out again after the restart; only a sender still busy
     * after {@link #STOP_GRACE} is interrupted.
     */
    @Override
    public void close() {
        stopping = true;
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(STOP_GRACE.toMillis());
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(5_000);
                }
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
