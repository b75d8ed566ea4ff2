package org.conductd.outbound;

import static org.conductd.outbound.AddressRedaction.forTheRecord;
import static org.conductd.outbound.AddressRedaction.withoutAddresses;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.conductd.mail.Backoff;
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
 * Records what became of each delivery attempt: sent, retried later with exponential backoff,
 * or failed for good (a 5xx, or still refused after three days), the last on the message and
 * its case and passed to the {@link DeliveryFailureListener} in one transaction. Nothing it
 * stores or logs names an email address.
 *
 * <p>Metrics: {@code conductd.mail.sent}, {@code conductd.mail.sent.unrecorded},
 * {@code conductd.mail.send.failures} (by {@code type}: {@code temporary} and {@code permanent}
 * refusals of one message, {@code unavailable} for a round that could not reach the server)
 * and the gauge {@code conductd.outbox.depth}.
 */
@Singleton
final class DeliveryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecorder.class);
    private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    private static final int SENT_RECORD_TRIES = 5;
    private static final Duration SENT_RECORD_PAUSE = Duration.ofMillis(200);

    private final OutboxRepository outbox;
    private final EventRepository events;
    private final TransactionOperations<Connection> tx;
    private final DeliveryFailureListener failures;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Counter sent;
    private final Counter unrecorded;
    /**
     * Messages the SMTP server accepted whose sending could not be recorded yet: until the
     * record is made they are not sent again by this process. Only a stop before the record
     * is made can send one twice, with the same Message-ID (SPEC §4).
     */
    private final Set<Long> acceptedUnrecorded = ConcurrentHashMap.newKeySet();

    DeliveryRecorder(OutboxRepository outbox, EventRepository events, TransactionOperations<Connection> tx,
                     DeliveryFailureListener failures, Clock clock, MeterRegistry metrics) {
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
        Gauge.builder("conductd.outbox.depth", this, DeliveryRecorder::pending)
                .description("Messages waiting in the outbox").register(metrics);
    }

    /** The number of messages waiting to be sent; read when the metrics are read. */
    private double pending() {
        return tx.executeRead(status -> outbox.countByState(OutboxState.PENDING));
    }

    /** Whether the server accepted this message already and only the record of it is missing. */
    boolean acceptedButUnrecorded(OutboxItem item) {
        return acceptedUnrecorded.contains(item.id());
    }

    /** The server has just accepted the message; false if that could not be recorded yet. */
    boolean accepted(OutboxItem item) {
        sent.increment();
        return recordSent(item);
    }

    /**
     * The server has the message: record that, waiting out a busy database for a moment. If
     * it cannot be recorded the message stays pending and may go out again with the same
     * Message-ID, the one duplicate SPEC §4 allows.
     */
    boolean recordSent(OutboxItem item) {
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

    /**
     * The server refused the message: retried later, or failed for good when the refusal is
     * permanent or the message is three days old. False if that could not be recorded.
     */
    boolean refused(OutboxItem item, SmtpFailure failure) {
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
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The failed delivery of outbox message {} could not be recorded ({}); the rest waits for the next round",
                    item.id(), withoutAddresses(e.toString()));
            return false;
        }
    }

    /**
     * No connection at all: every message left waits for the next round, however old (SPEC §4:
     * outages are waited out). Throws if the database cannot record that.
     */
    void unavailable(List<OutboxItem> waiting, String cause) {
        String reason = "SMTP server unavailable: " + cause;
        countFailure("unavailable");
        LOG.warn("The SMTP server is unavailable ({}); {} messages wait", withoutAddresses(cause), waiting.size());
        for (OutboxItem item : waiting) {
            retryLater(item, reason);
        }
    }

    private void countFailure(String type) {
        Counter.builder("conductd.mail.send.failures").description("Failed attempts to send a message")
                .tag("type", type).register(metrics).increment();
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
}
