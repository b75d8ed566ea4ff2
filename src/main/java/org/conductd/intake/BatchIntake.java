package org.conductd.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.conductd.config.Settings;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.IngestSink;
import org.conductd.ingest.RawArchive;
import org.conductd.ingest.ServerMark;
import org.conductd.mail.Arrival;
import org.conductd.mail.MessageBudget;
import org.conductd.store.Disposition;
import org.conductd.store.MailboxState;
import org.conductd.store.MailboxStateRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.StoredUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each batch the mailbox sync fetched to the {@link Intake}, in one transaction. If any
 * message in it fails, the batch is rolled back and handled again one message at a time, and
 * the message that fails alone is quarantined, so one bad message never holds up the rest
 * and nothing is lost. A locked or full database is not the message's fault: then nothing is
 * marked, and the next poll tries again. Each message has {@code message-budget} to be read.
 *
 * <p>Counts what it committed in {@code conductd.messages.ingested} and
 * {@code conductd.messages.quarantined}; a batch handled again one by one is counted once.
 */
@Singleton
public final class BatchIntake implements IngestSink {

    private static final Logger LOG = LoggerFactory.getLogger(BatchIntake.class);

    private final TransactionOperations<Connection> tx;
    private final Settings settings;
    private final MessageRepository messages;
    private final MailboxStateRepository mailboxes;
    private final RawArchive archive;
    private final Intake intake;
    private final SkipStoredCopy skipStoredCopy;
    private final Counter ingested;
    private final Counter quarantined;

    BatchIntake(TransactionOperations<Connection> tx, Settings settings, MessageRepository messages,
                MailboxStateRepository mailboxes, RawArchive archive, Intake intake, SkipStoredCopy skipStoredCopy,
                MeterRegistry metrics) {
        this.tx = tx;
        this.settings = settings;
        this.messages = messages;
        this.mailboxes = mailboxes;
        this.archive = archive;
        this.intake = intake;
        this.skipStoredCopy = skipStoredCopy;
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
                    marks.put(f.uid(), MessageBudget.run(settings.messageBudget(), () -> intake.handle(f, arrival(f, state))));
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
            Optional<ServerMark> known = skipStoredCopy.markOfStoredCopy(f);
            if (known.isPresent()) {
                return known.get();
            }
            archive.quarantine(f, reason);
            mailboxes.upsert(f.folder(), f.uidValidity(), lastUid);
            return ServerMark.QUARANTINED;
        });
    }

    private static Arrival arrival(FetchedMessage f, Optional<MailboxState> state) {
        return new Arrival(f.arrived(), state.isPresent() && state.get().uidValidity() == f.uidValidity()
                && state.get().presentBeforeFirstSync(f.uid()));
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
