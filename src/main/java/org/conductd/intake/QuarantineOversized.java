package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.ingest.RawArchive;

/** Mail over {@code max-message-size} is kept aside unparsed: the sync fetched only its first bytes. */
@Singleton
final class QuarantineOversized implements Step<Delivery> {

    private final RawArchive archive;

    QuarantineOversized(RawArchive archive) {
        this.archive = archive;
    }

    @Override
    public Outcome handle(Delivery d) {
        if (!d.fetched().oversized()) {
            return Outcome.GO_ON;
        }
        archive.quarantine(d.fetched(), "larger than max-message-size (" + d.fetched().size() + " bytes)");
        return Outcome.QUARANTINED;
    }
}
