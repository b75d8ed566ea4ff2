package org.conductd.intake;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.conductd.ingest.RawArchive;
import org.conductd.mail.InboundMessage;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;
import org.conductd.store.StoredMessage;

/**
 * A second message with a known Message-ID. The same sender and text again with other
 * transport headers is the same message redelivered: kept, never handled twice. Anything else
 * is a sender reusing Message-IDs (some web forms do): a different message, handled on its
 * own and stored without the ID.
 */
@Singleton
final class KeepDuplicate implements Step<Delivery> {

    private final MessageRepository messages;
    private final RawArchive archive;

    KeepDuplicate(MessageRepository messages, RawArchive archive) {
        this.messages = messages;
        this.archive = archive;
    }

    @Override
    public Outcome handle(Delivery d) {
        String messageId = d.messageId();
        Optional<StoredMessage> sameId = messageId == null ? Optional.empty() : messages.findByMessageId(messageId);
        if (sameId.isEmpty()) {
            return Outcome.GO_ON;
        }
        if (isRedelivery(sameId.get(), d.message())) {
            archive.store(d.fetched(), d.message(), null, Disposition.DUPLICATE, "duplicate of Message-ID " + messageId);
            return Outcome.PROCESSED;
        }
        d.forgetMessageId();
        return Outcome.GO_ON;
    }

    private static boolean isRedelivery(StoredMessage stored, InboundMessage m) {
        return m.from().address().equals(stored.fromAddress()) && m.text().equals(stored.bodyText());
    }
}
