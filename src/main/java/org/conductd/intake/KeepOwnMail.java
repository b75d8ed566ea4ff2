package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.ingest.RawArchive;
import org.conductd.store.Disposition;
import org.conductd.store.OutboxRepository;

/** Mail conductd sent, seen again (a copy in the mailbox, a list echo): kept, never handled. */
@Singleton
final class KeepOwnMail implements Step<Delivery> {

    private final OutboxRepository outbox;
    private final RawArchive archive;

    KeepOwnMail(OutboxRepository outbox, RawArchive archive) {
        this.outbox = outbox;
        this.archive = archive;
    }

    @Override
    public Outcome handle(Delivery d) {
        String messageId = d.message().messageId();
        if (messageId == null || !outbox.existsByMessageId(messageId)) {
            return Outcome.GO_ON;
        }
        archive.store(d.fetched(), d.message(), null, Disposition.OWN, "conductd's own mail");
        return Outcome.PROCESSED;
    }
}
