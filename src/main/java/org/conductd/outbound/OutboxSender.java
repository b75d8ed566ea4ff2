package org.conductd.outbound;

import static org.conductd.outbound.AddressRedaction.withoutAddresses;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.EmailAddress;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.OutboxState;
import org.conductd.store.PausePoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on its own thread: acknowledgements and alerts first, each message
 * exactly as queued, through one {@link SmtpClient} session per round, with what became of
 * each recorded by the {@link DeliveryRecorder}. No database transaction is held while
 * talking to the server, and nothing logged names an email address.
 */
@Singleton
public final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** The sender's thread, one of the daemon's own. */
    public static final String THREAD_NAME = "outbox-sender";
    private static final int BATCH = 50;
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
    /** How long stopping waits for the message in hand to be sent and recorded before it interrupts the sender. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Settings settings;
    private final OutboxRepository outbox;
    private final EventRepository events;
    private final TransactionOperations<Connection> tx;
    private final DeliveryRecorder recorder;
    private final Clock clock;
    /** A permit means "there is new mail"; several wake-ups before a round count as one. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    /** Set by {@link #close()}: a round ends before its next message, not in the middle of one. */
    private volatile boolean stopping;
    /** Set when a round ended because the database could not read the outbox or record a message's fate. */
    private volatile boolean stalled;
    private Thread thread;

    OutboxSender(Settings settings, OutboxRepository outbox, EventRepository events,
                 TransactionOperations<Connection> tx, DeliveryRecorder recorder, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.events = events;
        this.tx = tx;
        this.recorder = recorder;
        this.clock = clock;
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
        try (SmtpClient smtp = client()) {
            while (!due.isEmpty()) {
                for (int i = 0; i < due.size(); i++) {
                    if (stopping) {
                        return accepted;
                    }
                    OutboxItem item = due.get(i);
                    try {
                        smtp.connect();
                    } catch (MessagingException e) {
                        recorder.unavailable(due.subList(i, due.size()), SmtpFailure.describe(e));
                        return accepted;
                    }
                    Outcome outcome = deliver(smtp, item);
                    if (outcome == Outcome.SENT) {
                        accepted++;
                    } else if (outcome == Outcome.UNRECORDED) {
                        stalled = true;
                        return accepted;
                    }
                }
                due = tx.executeRead(status -> outbox.findDue(clock.instant(), BATCH));
            }
        }
        return accepted;
    }

    /**
     * Sends these queued messages now, for a one-shot command such as {@code digest --send};
     * what fails here is retried by the daemon's sender. Returns how many were accepted.
     */
    public int deliverNow(List<Long> ids) {
        List<OutboxItem> items = tx.executeRead(status -> {
            List<OutboxItem> found = new ArrayList<>();
            for (long id : ids) {
                outbox.findById(id).filter(i -> i.state() == OutboxState.PENDING).ifPresent(found::add);
            }
            return found;
        });
        if (items.isEmpty()) {
            return 0;
        }
        int accepted = 0;
        try (SmtpClient smtp = client()) {
            smtp.connect();
            for (OutboxItem item : items) {
                if (deliver(smtp, item) == Outcome.SENT) {
                    accepted++;
                }
            }
        } catch (MessagingException e) {
            LOG.warn("The SMTP server is unavailable ({}); the daemon will send the rest", withoutAddresses(SmtpFailure.describe(e)));
        }
        return accepted;
    }

    private SmtpClient client() {
        return new SmtpClient(settings.smtp(), settings.address().address());
    }

    /** What became of one message in a round. */
    private enum Outcome { SENT, NOT_SENT, UNRECORDED }

    /** One message over a connected client. Failures are recorded, never thrown, so one bad message can't block the rest. */
    private Outcome deliver(SmtpClient smtp, OutboxItem item) {
        if (recorder.acceptedButUnrecorded(item)) {
            // The server has it already: only the record is missing, and sending it again would repeat it.
            return recorder.recordSent(item) ? Outcome.SENT : Outcome.UNRECORDED;
        }
        Optional<Boolean> withdrawn = withdrawIfConflicted(item);
        if (withdrawn.isEmpty()) {
            return Outcome.UNRECORDED;
        }
        if (withdrawn.get()) {
            return Outcome.NOT_SENT;
        }
        Optional<SmtpFailure> refused = smtp.send(item.raw(), item.recipient());
        if (refused.isPresent()) {
            return recorder.refused(item, refused.get()) ? Outcome.NOT_SENT : Outcome.UNRECORDED;
        }
        PausePoint.reach(PausePoint.AFTER_SMTP_ACCEPT);
        if (!recorder.accepted(item)) {
            return Outcome.UNRECORDED;
        }
        LOG.info("Sent {} message {} for case {}", item.kind().headerValue(), item.id(), item.caseId());
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
                        "a " + item.kind().headerValue() + " to " + settings.member(EmailAddress.of(item.member()))
                                .map(TeamMember::name).orElse("a former member")
                                + " was withdrawn: they have a conflict of interest in the case", null));
                return null;
            });
            LOG.info("Withdrew {} message {} for case {}: its recipient has a conflict of interest",
                    item.kind().headerValue(), item.id(), item.caseId());
            return Optional.of(true);
        } catch (RuntimeException e) {
            LOG.warn("Could not check message {} against the case's conflicts ({}); it waits", item.id(), e.toString());
            return Optional.empty();
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
}
