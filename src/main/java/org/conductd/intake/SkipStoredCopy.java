package org.conductd.intake;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.conductd.ingest.FetchedMessage;
import org.conductd.ingest.ServerMark;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;

/**
 * The same bytes already stored (fetched again, or delivered twice) get the mark the stored
 * copy got, so a second copy of quarantined mail is not shown as processed.
 */
@Singleton
final class SkipStoredCopy implements Step<Delivery> {

    private final MessageRepository messages;

    SkipStoredCopy(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Outcome handle(Delivery d) {
        return markOfStoredCopy(d.fetched()).<Outcome>map(Outcome.Done::new).orElse(Outcome.GO_ON);
    }

    Optional<ServerMark> markOfStoredCopy(FetchedMessage f) {
        return messages.findDispositionBySha256(f.sha256())
                .map(d -> d == Disposition.QUARANTINED ? ServerMark.QUARANTINED : ServerMark.PROCESSED);
    }
}
