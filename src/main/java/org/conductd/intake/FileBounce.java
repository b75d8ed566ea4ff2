package org.conductd.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.conductd.casework.DeliveryFailures;
import org.conductd.ingest.AutomaticMail;
import org.conductd.ingest.DeliveryReport;
import org.conductd.ingest.DeliveryReports;
import org.conductd.ingest.RawArchive;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.OutboxItem;
import org.conductd.store.OutboxRepository;

/**
 * Stores a bounce or delivery report and files it with the sent mail it returns (SPEC §4): a
 * failure is recorded on that mail's case and reported to the responders; a delay or a
 * success notice is only recorded. A bounce about no mail conductd sent is kept without a
 * case. Nothing ever answers the bounce itself.
 */
@Singleton
final class FileBounce implements Step<Delivery> {

    private final AutomaticMail automatic;
    private final RawArchive archive;
    private final DeliveryReports reports = new DeliveryReports();
    private final OutboxRepository outbox;
    private final DeliveryFailures failures;
    private final EventRepository events;
    private final Clock clock;

    FileBounce(AutomaticMail automatic, RawArchive archive, OutboxRepository outbox, DeliveryFailures failures,
               EventRepository events, Clock clock) {
        this.automatic = automatic;
        this.archive = archive;
        this.outbox = outbox;
        this.failures = failures;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Outcome handle(Delivery d) {
        if (!automatic.isBounce(d.message())) {
            return Outcome.GO_ON;
        }
        long row = archive.store(d.fetched(), d.message(), d.messageId(), Disposition.BOUNCE,
                d.automatic().map(Enum::name).orElse("bounce"));
        DeliveryReport report = reports.read(d.message());
        List<OutboxItem> returned = report.originalMessageIds().isEmpty()
                ? List.of() : outbox.findByMessageIds(report.originalMessageIds());
        if (returned.isEmpty()) {
            events.save(new CaseEvent(null, null, clock.instant(), Actor.CONDUCTD, EventKind.BOUNCE_RECEIVED,
                    "a delivery report was received", row));
        }
        for (OutboxItem item : returned) {
            if (report.delayOnly()) {
                failures.delayed(item, row, report.status());
            } else if (report.status().startsWith("2.")
                    || report.status().isBlank() && report.failedRecipients().isEmpty()) {
                // A report naming no failed recipient and no failure status says nothing failed.
                failures.delivered(item, row, report.status());
            } else {
                failures.bounced(item, row, report.status(), report.diagnostic());
            }
        }
        return Outcome.PROCESSED;
    }
}
