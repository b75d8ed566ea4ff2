package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.config.Settings;
import org.conductd.ingest.RawArchive;
import org.conductd.store.Disposition;

/** Mail sent from the conduct address itself (a copy of the team's own mail): kept, never handled. */
@Singleton
final class KeepMailFromConductAddress implements Step<Delivery> {

    private final Settings settings;
    private final RawArchive archive;

    KeepMailFromConductAddress(Settings settings, RawArchive archive) {
        this.settings = settings;
        this.archive = archive;
    }

    @Override
    public Outcome handle(Delivery d) {
        if (!d.message().from().sameAddress(settings.address())) {
            return Outcome.GO_ON;
        }
        archive.store(d.fetched(), d.message(), d.messageId(), Disposition.OWN, "sent from the conduct address");
        return Outcome.PROCESSED;
    }
}
