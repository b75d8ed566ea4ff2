package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.ingest.RawArchive;
import org.conductd.store.Disposition;

/** Stores the message as received, before anything acts on it; a reused Message-ID is noted. */
@Singleton
final class Store implements Step<Delivery> {

    private final RawArchive archive;

    Store(RawArchive archive) {
        this.archive = archive;
    }

    @Override
    public Outcome handle(Delivery d) {
        String ownId = d.message().messageId();
        d.stored(archive.store(d.fetched(), d.message(), d.messageId(), Disposition.RECEIVED,
                d.messageId() == null && ownId != null ? "reused Message-ID " + ownId : null));
        return Outcome.GO_ON;
    }
}
