package org.conductd.cases;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.conductd.config.Settings;
import org.conductd.mail.EmailAddress;
import org.conductd.store.CaseRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.OutboxRepository;
import org.conductd.store.ParticipantRepository;
import org.conductd.threading.CaseDirectory;

/** Threading's view of the database: ids conductd issued or stored, and who takes part in a case. */
@Singleton
public final class StoredCaseDirectory implements CaseDirectory {

    private final OutboxRepository outbox;
    private final MessageRepository messages;
    private final ParticipantRepository participants;
    private final CaseRepository cases;
    private final Settings settings;

    public StoredCaseDirectory(OutboxRepository outbox, MessageRepository messages, ParticipantRepository participants,
                               CaseRepository cases, Settings settings) {
        this.outbox = outbox;
        this.messages = messages;
        this.participants = participants;
        this.cases = cases;
        this.settings = settings;
    }

    @Override
    public Optional<Long> caseOfMessageId(String messageId) {
        Optional<Long> issued = outbox.findCaseIdByMessageId(messageId);
        return issued.isPresent() ? issued : messages.findCaseIdByMessageId(messageId);
    }

    @Override
    public boolean isParticipant(long caseId, EmailAddress address) {
        if (!cases.existsById(caseId)) {
            return false;
        }
        return settings.member(address).isPresent() || participants.existsByCaseIdAndAddress(caseId, address.address());
    }
}
