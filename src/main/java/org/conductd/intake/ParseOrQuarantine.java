package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.ingest.MessageParser;
import org.conductd.ingest.ParseOutcome;
import org.conductd.ingest.RawArchive;
import org.conductd.mail.MessageBudget;

/** Parses the raw bytes; what cannot be parsed is kept aside with the parser's reason. */
@Singleton
final class ParseOrQuarantine implements Step<Delivery> {

    private final MessageParser parser;
    private final RawArchive archive;

    ParseOrQuarantine(MessageParser parser, RawArchive archive) {
        this.parser = parser;
        this.archive = archive;
    }

    @Override
    public Outcome handle(Delivery d) {
        ParseOutcome outcome = MessageBudget.within(() -> parser.parse(d.fetched().raw()));
        if (outcome instanceof ParseOutcome.Unparseable u) {
            archive.quarantine(d.fetched(), u.reason());
            return Outcome.QUARANTINED;
        }
        d.parsed(((ParseOutcome.Parsed) outcome).message());
        return Outcome.GO_ON;
    }
}
