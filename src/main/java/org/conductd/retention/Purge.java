package org.conductd.retention;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.conductd.config.Settings;
import org.conductd.reports.TransparencyReport;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.PurgeRepository;
import org.conductd.store.SecureErase;

/**
 * Erases the personal data of every case closed before the start of a day, UTC (SPEC §2,
 * {@code purge}): raw mail and the oversized-mail files it names, message bodies, senders
 * and subjects, attachments, participants' names and addresses, event details, the mail
 * sent and the drafts, and the case's own subject, summary, when and where. What the
 * transparency report and the digest count stays: state, severity, resolution, public
 * summary (unless it names someone: then it becomes "[removed]", as the report would show
 * it), dates, and the kinds of events and mail. One transaction erases, recording a
 * "purged" event per case; then the database file is rewritten so that the erased bytes are
 * gone from it, not merely unreferenced. A case with nothing left to erase is skipped, so
 * running it again changes nothing. Mail kept in no case is erased with a purged case when
 * it carries one of the case's Message-IDs or its subject tag (copies of conductd's own
 * mail, bounces, quarantined replies); other mail in no case is never touched.
 */
@Singleton
public final class Purge {

    private final TransactionOperations<Connection> tx;
    private final ConnectionOperations<Connection> connections;
    private final PurgeRepository store;
    private final EventRepository events;
    private final Path oversizedDir;
    private final Settings settings;
    private final TransparencyReport transparency;
    private final Clock clock;
    /** Everything erased, table by table, in this order. */
    private final List<Erasure> erasures;

    public Purge(TransactionOperations<Connection> tx, ConnectionOperations<Connection> connections,
                 PurgeRepository store, EventRepository events, TransparencyReport transparency, Settings settings,
                 Clock clock) {
        this.tx = tx;
        this.connections = connections;
        this.store = store;
        this.events = events;
        this.oversizedDir = settings.oversizedDir().toAbsolutePath().normalize();
        this.settings = settings;
        this.transparency = transparency;
        this.clock = clock;
        this.erasures = List.of(
                new Erasure(Rows.MESSAGES, store::countAttachments, store::eraseAttachments),
                new Erasure(Rows.MESSAGES, store::countRawMessages, store::eraseRawMessages),
                new Erasure(Rows.MESSAGES, store::countMessageText, store::eraseMessageText),
                new Erasure(Rows.MESSAGES, store::countMessageIds, store::eraseMessageIds),
                new Erasure(Rows.CASE, store::countParticipants, store::eraseParticipants),
                new Erasure(Rows.CASE, store::countCaseEventDetails, store::eraseCaseEventDetails),
                new Erasure(Rows.MESSAGES, store::countMessageEventDetails, store::eraseMessageEventDetails),
                new Erasure(Rows.CASE, store::countCaseOutbox, store::eraseCaseOutbox),
                new Erasure(Rows.MESSAGES, store::countReplyOutbox, store::eraseReplyOutbox),
                new Erasure(Rows.CASE, store::countDraftNotes, store::eraseDraftNotes),
                new Erasure(Rows.DRAFTS, store::countDraftMessages, store::eraseDraftMessages),
                new Erasure(Rows.CASE, store::countMemberReasons, store::eraseMemberReasons),
                new Erasure(Rows.CASE, store::countCaseText, store::eraseCaseText));
    }

    /** The instant a date stands for: the start of that day, UTC. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What {@link #erase} would erase now, changing nothing. */
    public PurgeReport preview(LocalDate closedBefore) {
        return tx.executeRead(status -> {
            PurgeReport total = new PurgeReport(closedBefore, 0, 0, 0, 0);
            for (CaseRows rows : casesHoldingPersonalData(closedBefore)) {
                total = total.plus(count(rows, closedBefore));
            }
            return total;
        });
    }

    /** Erases, then compacts the database file. Returns what was erased. */
    public PurgeReport erase(LocalDate closedBefore) {
        PurgeReport report = tx.executeWrite(status -> {
            SecureErase.zeroFreedSpace(status.getConnection());
            PurgeReport total = new PurgeReport(closedBefore, 0, 0, 0, 0);
            List<CaseRows> due = casesHoldingPersonalData(closedBefore);
            // Read before the names are erased: afterwards no report could tell a name in a summary.
            List<String> identifying = transparency.identifying();
            for (CaseRows rows : due) {
                total = total.plus(count(rows, closedBefore));
                withdrawIdentifyingSummary(rows.caseId(), identifying);
                List<Path> files = files(rows);
                for (Erasure e : erasures) {
                    e.apply(rows);
                }
                events.save(new CaseEvent(null, rows.caseId(), clock.instant(), Actor.CONDUCTD, EventKind.PURGED, null, null));
                // Deleted before the commit: if the commit fails, a second run finds the rows and erases them.
                for (Path file : files) {
                    delete(file);
                }
            }
            return total;
        });
        // VACUUM cannot run inside a transaction, hence a plain connection.
        connections.executeWrite(status -> {
            SecureErase.compact(status.getConnection());
            return null;
        });
        return report;
    }

    /**
     * The public summary outlives the purge, but the names the transparency report checks it
     * against do not. A summary that names someone, or gives an address, case number or date,
     * is replaced now by what the report would show for it.
     */
    private void withdrawIdentifyingSummary(long caseId, List<String> identifying) {
        List<String> summary = store.findPublicSummary(caseId);
        if (summary.isEmpty() || summary.get(0).isBlank()
                || TransparencyReport.publishable(summary.get(0), identifying)) {
            return;
        }
        store.setPublicSummary(caseId, TransparencyReport.REMOVED);
    }

    private List<CaseRows> casesHoldingPersonalData(LocalDate closedBefore) {
        List<CaseRows> due = new ArrayList<>();
        for (long caseId : store.findClosedBefore(startOf(closedBefore))) {
            CaseRows rows = new CaseRows(caseId, store.findMessagesOfCase(caseId, settings.caseTag(caseId)),
                    store.findDraftsOfCase(caseId));
            if (erasures.stream().anyMatch(e -> e.remaining(rows) > 0)) {
                due.add(rows);
            }
        }
        return due;
    }

    private PurgeReport count(CaseRows rows, LocalDate closedBefore) {
        long messages = rows.messages().isEmpty() ? 0 : store.countMessagesHoldingData(rows.messages());
        long attachments = rows.messages().isEmpty() ? 0 : store.countAttachments(rows.messages());
        int files = (int) files(rows).stream().filter(Files::exists).count();
        return new PurgeReport(closedBefore, 1, (int) messages, (int) attachments, files);
    }

    /** The oversized-mail files the case's raw messages name; a name that would leave the folder is ignored. */
    private List<Path> files(CaseRows rows) {
        List<Path> files = new ArrayList<>();
        if (rows.messages().isEmpty()) {
            return files;
        }
        for (String name : store.findOversizedFileNames(rows.messages())) {
            Path file = oversizedDir.resolve(name).normalize();
            if (oversizedDir.equals(file.getParent())) {
                files.add(file);
            }
        }
        return files;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** The rows of one case the erasures address. */
    private record CaseRows(long caseId, List<Long> messages, List<Long> drafts) {
    }

    /** Which of a case's ids a table is keyed by. */
    private enum Rows {
        CASE, MESSAGES, DRAFTS;

        List<Long> of(CaseRows rows) {
            return switch (this) {
                case CASE -> List.of(rows.caseId());
                case MESSAGES -> rows.messages();
                case DRAFTS -> rows.drafts();
            };
        }
    }

    /**
     * One table's share of a purge: how many of the case's rows there still hold personal data,
     * and their erasure. A case with no such rows at all has nothing there to count or erase.
     */
    private record Erasure(Rows rows, ToLongFunction<Collection<Long>> remaining, Consumer<Collection<Long>> erase) {

        long remaining(CaseRows of) {
            List<Long> ids = rows.of(of);
            return ids.isEmpty() ? 0 : remaining.applyAsLong(ids);
        }

        void apply(CaseRows of) {
            List<Long> ids = rows.of(of);
            if (!ids.isEmpty()) {
                erase.accept(ids);
            }
        }
    }
}
