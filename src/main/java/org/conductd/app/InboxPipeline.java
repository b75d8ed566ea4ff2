package org.conductd.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.conductd.cases.CaseIntake;
import org.conductd.cases.DeliveryFailures;
import org.conductd.cases.FollowUps;
import org.conductd.config.Settings;
import org.conductd.ingest.AutomaticMail;
import org.conductd.ingest.DeliveryReport;
import org.conductd.ingest.DeliveryReports;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.IngestSink;
import org.conductd.ingest.MessageParser;
import org.conductd.ingest.ParseOutcome;
import org.conductd.ingest.RawArchive;
import org.conductd.ingest.ServerMark;
import org.conductd.mail.Arrival;
import org.conductd.mail.InboundMessage;
import org.conductd.mail.MessageBudget;
import org.conductd.store.CaseEvent;
import org.conductd.store.Disposition;
import org.conductd.store.EventRepository;
import org.conductd.store.MailboxState;
import org.conductd.store.MailboxStateRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;
import org.conductd.store.StoredMessage;
import org.conductd.store.StoredUid;
import org.conductd.threading.ThreadMatch;
import org.conductd.threading.Threader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox pipeline: what happens to each fetched message, in order. A batch is handled
 * in one transaction; if any message in it fails, the batch is rolled back and handled
 * again one message at a time, and the message that fails alone is quarantined, so one
 * bad message never holds up the rest and nothing is lost.
 *
 * <ol>
 *   <li>skip bytes already stored (the same message fetched twice)</li>
 *   <li>quarantine mail over the size limit</li>
 *   <li>parse; quarantine what cannot be parsed</li>
 *   <li>keep, but do not handle again, a second message with a known Message-ID</li>
 *   <li>keep conductd's own mail seen again</li>
 *   <li>keep bounces and delivery reports, filed with the case of the mail they return</li>
 *   <li>store it, then thread: file it in its case, or open a new case</li>
 * </ol>
 *
 * <p>Counts what it committed in {@code conductd.messages.ingested} and
 * {@code conductd.messages.quarantined}; a batch handled again one by one is counted once.
 */
@Singleton
public final class InboxPipeline implements IngestSink {

    private static final Logger LOG = LoggerFactory.getLogger(InboxPipeline.class);

    private final TransactionOperations<Connection> tx;
    private final Settings settings;
    private final MessageRepository messages;
    private final OutboxRepository outbox;
    private final MailboxStateRepository mailboxes;
    private final EventRepository events;
    private final RawArchive archive;
    private final MessageParser parser;
    private final AutomaticMail automatic;
    private final Threader threader;
    private final CaseIntake intake;
    private final FollowUps followUps;
    private final DeliveryReports deliveryReports = new DeliveryReports();
    private final DeliveryFailures deliveryFailures;
    private final Clock clock;
    private final Counter ingested;
    private final Counter quarantined;

    public InboxPipeline(TransactionOperations<Connection> tx, Settings settings, MessageRepository messages,
                         OutboxRepository outbox, MailboxStateRepository mailboxes, EventRepository events,
                         RawArchive archive, MessageParser parser, AutomaticMail automatic, Threader threader,
                         CaseIntake intake, FollowUps followUps, DeliveryFailures deliveryFailures, Clock clock,
                         MeterRegistry metrics) {
        this.tx = tx;
        this.settings = settings;
        this.messages = messages;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.events = events;
        this.archive = archive;
        this.parser = parser;
        this.automatic = automatic;
        this.threader = threader;
        this.intake = intake;
        this.followUps = followUps;
        this.deliveryFailures = deliveryFailures;
        this.clock = clock;
        this.ingested = Counter.builder("conductd.messages.ingested")
                .description("Messages fetched from the mailbox and stored").register(metrics);
        this.quarantined = Counter.builder("conductd.messages.quarantined")
                .description("Messages kept aside: unparseable, oversized or failing").register(metrics);
    }

    @Override
    public Map<Long, ServerMark> accept(List<FetchedMessage> batch, long lastUid) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        String folder = batch.get(0).folder();
        long validity = batch.get(0).uidValidity();
        try {
            return count(tx.executeWrite(status -> {
                Optional<MailboxState> state = mailboxes.findById(folder);
                Map<Long, ServerMark> marks = new LinkedHashMap<>();
                for (FetchedMessage f : batch) {
                    marks.put(f.uid(), MessageBudget.run(settings.messageBudget(), () -> handle(f, arrival(f, state))));
                }
                mailboxes.upsert(folder, validity, lastUid);
                return marks;
            }));
        } catch (RuntimeException batchFailure) {
            if (isStorageFailure(batchFailure)) {
                // A locked or full database is not the message's fault: nothing is marked, the next poll retries.
                throw batchFailure;
            }
            if (batch.size() == 1) {
                return count(Map.of(batch.get(0).uid(), quarantineAfterFailure(batch.get(0), batchFailure, lastUid)));
            }
            LOG.warn("A batch of {} messages failed ({}); handling them one at a time", batch.size(), batchFailure.toString());
            Map<Long, ServerMark> marks = new LinkedHashMap<>();
            for (FetchedMessage f : batch) {
                marks.putAll(accept(List.of(f), Math.min(lastUid, f.uid())));
            }
            tx.executeWrite(status -> {
                mailboxes.upsert(folder, validity, lastUid);
                return null;
            });
            return marks;
        }
    }

    private static Optional<MessageBudget.Exceeded> overBudget(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MessageBudget.Exceeded e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Counts committed outcomes; the one-by-one retry of a failed batch counts through its own calls. */
    private Map<Long, ServerMark> count(Map<Long, ServerMark> marks) {
        for (ServerMark mark : marks.values()) {
            (mark == ServerMark.QUARANTINED ? quarantined : ingested).increment();
        }
        return marks;
    }

    /** Same sender and same text: the same message delivered twice, whatever its transport headers say. */
    private static boolean isRedelivery(StoredMessage stored, InboundMessage m) {
        return m.from().address().equals(stored.fromAddress()) && m.text().equals(stored.bodyText());
    }

    /** Busy, locked, full, read-only or failing storage: conditions that clear, unlike a bad message. */
    private static boolean isStorageFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.sqlite.SQLiteException e) {
                int primary = e.getResultCode().code & 0xff;
                return primary == 5 || primary == 6 || primary == 8 || primary == 10 || primary == 13 || primary == 14;
            }
        }
        return false;
    }

    private ServerMark quarantineAfterFailure(FetchedMessage f, RuntimeException failure, long lastUid) {
        Optional<MessageBudget.Exceeded> overBudget = overBudget(failure);
        String reason;
        if (overBudget.isPresent()) {
            LOG.error("Message UID {} took longer than {} ms to read; quarantining it", f.uid(),
                    overBudget.get().budget().toMillis());
            reason = "reading it took longer than " + overBudget.get().budget().toMillis() + " ms (message-budget)";
        } else {
            LOG.error("Message UID {} could not be handled ({}); quarantining it", f.uid(),
                    failure.getClass().getName());
            reason = "conductd failed while handling it (" + failure.getClass().getSimpleName() + ")";
        }
        return tx.executeWrite(status -> {
            Optional<ServerMark> known = markOfStoredCopy(f);
            if (known.isPresent()) {
                return known.get();
            }
            archive.quarantine(f, reason);
            mailboxes.upsert(f.folder(), f.uidValidity(), lastUid);
            return ServerMark.QUARANTINED;
        });
    }

    /**
     * The same bytes already stored (fetched again, or delivered twice) get the mark the
     * stored copy got, so a second copy of quarantined mail is not shown as processed.
     */
    private Optional<ServerMark> markOfStoredCopy(FetchedMessage f) {
        return messages.findDispositionBySha256(f.sha256())
                .map(d -> d == Disposition.QUARANTINED ? ServerMark.QUARANTINED : ServerMark.PROCESSED);
    }

    private static Arrival arrival(FetchedMessage f, Optional<MailboxState> state) {
        return new Arrival(f.arrived(), state.isPresent() && state.get().uidValidity() == f.uidValidity()
                && state.get().presentBeforeFirstSync(f.uid()));
    }

    /** The steps for one message, in order; runs inside the batch transaction. */
    private ServerMark handle(FetchedMessage f, Arrival arrival) {
        Optional<ServerMark> known = markOfStoredCopy(f);
        if (known.isPresent()) {
            return known.get();
        }
        if (f.oversized()) {
            archive.quarantine(f, "larger than max-message-size (" + f.size() + " bytes)");
            return ServerMark.QUARANTINED;
        }
        ParseOutcome outcome = MessageBudget.within(() -> parser.parse(f.raw()));
        if (outcome instanceof ParseOutcome.Unparseable u) {
            archive.quarantine(f, u.reason());
            return ServerMark.QUARANTINED;
        }
        InboundMessage m = ((ParseOutcome.Parsed) outcome).message();
        if (m.messageId() != null && outbox.existsByMessageId(m.messageId())) {
            archive.store(f, m, null, Disposition.OWN, "conductd's own mail");
            return ServerMark.PROCESSED;
        }
        String messageId = m.messageId();
        Optional<StoredMessage> sameId = messageId == null ? Optional.empty() : messages.findByMessageId(messageId);
        if (sameId.isPresent()) {
            if (isRedelivery(sameId.get(), m)) {
                // The same message again with other transport headers: kept, never handled twice.
                archive.store(f, m, null, Disposition.DUPLICATE, "duplicate of Message-ID " + messageId);
                return ServerMark.PROCESSED;
            }
            // A sender that reuses Message-IDs (some web forms do): a different message, handled on its own.
            messageId = null;
        }
        if (m.from().sameAddress(settings.address())) {
            archive.store(f, m, messageId, Disposition.OWN, "sent from the conduct address");
            return ServerMark.PROCESSED;
        }
        Optional<String> automatic = MessageBudget.within(() -> this.automatic.classify(m)).map(Enum::name);
        if (this.automatic.isBounce(m)) {
            long row = archive.store(f, m, messageId, Disposition.BOUNCE, automatic.orElse("bounce"));
            recordBounce(row, m);
            return ServerMark.PROCESSED;
        }
        long row = archive.store(f, m, messageId, Disposition.RECEIVED, messageId == null && m.messageId() != null
                ? "reused Message-ID " + m.messageId() : null);
        ThreadMatch match = threader.match(m);
        if (match instanceof ThreadMatch.ByReference ref) {
            followUps.record(ref.caseId(), row, m, automatic);
        } else if (match instanceof ThreadMatch.BySubjectTag tag) {
            followUps.record(tag.caseId(), row, m, automatic);
        } else {
            intake.open(row, m, automatic, arrival);
        }
        return ServerMark.PROCESSED;
    }

    /**
     * Files a stored bounce with the sent mail it returns (SPEC §4): a failure is recorded on
     * that mail's case and reported to the responders; a delay or a success notice is only
     * recorded. A bounce about no mail conductd sent is kept without a case. Nothing ever
     * answers the bounce itself.
     */
    private void recordBounce(long row, InboundMessage bounce) {
        DeliveryReport report = deliveryReports.read(bounce);
        List<OutboxItem> returned = report.originalMessageIds().isEmpty()
                ? List.of() : outbox.findByMessageIds(report.originalMessageIds());
        if (returned.isEmpty()) {
            events.save(new CaseEvent(null, null, clock.instant(), "conductd", "bounce-received",
                    "a delivery report was received", row));
            return;
        }
        for (OutboxItem item : returned) {
            if (report.delayOnly()) {
                deliveryFailures.delayed(item, row, report.status());
            } else if (report.status().startsWith("2.")
                    || report.status().isBlank() && report.failedRecipients().isEmpty()) {
                // A report naming no failed recipient and no failure status says nothing failed.
                deliveryFailures.delivered(item, row, report.status());
            } else {
                deliveryFailures.bounced(item, row, report.status(), report.diagnostic());
            }
        }
    }

    @Override
    public Map<Long, ServerMark> alreadyStored(String folder, long uidValidity, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        List<StoredUid> stored = tx.executeRead(status -> messages.findStoredUids(folder, uidValidity, uids));
        Map<Long, ServerMark> marks = new LinkedHashMap<>();
        for (StoredUid s : stored) {
            marks.put(s.uid(), s.disposition() == Disposition.QUARANTINED ? ServerMark.QUARANTINED : ServerMark.PROCESSED);
        }
        return marks;
    }

    @Override
    public OptionalLong uidValidity(String folder) {
        return tx.executeRead(status -> mailboxes.findById(folder))
                .map(s -> OptionalLong.of(s.uidValidity())).orElse(OptionalLong.empty());
    }

    @Override
    public long lastUid(String folder) {
        return tx.executeRead(status -> mailboxes.findById(folder)).map(MailboxState::lastUid).orElse(0L);
    }

    @Override
    public void resetMailbox(String folder, long uidValidity, long firstSyncUid) {
        tx.executeWrite(status -> {
            mailboxes.restart(folder, uidValidity, firstSyncUid);
            return null;
        });
    }
}
