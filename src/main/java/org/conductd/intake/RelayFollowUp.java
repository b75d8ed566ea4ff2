package org.conductd.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.conductd.compose.Relays;
import org.conductd.mail.InboundMessage;
import org.conductd.store.Actor;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseEvent;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;
import org.conductd.store.ParticipantRole;

/**
 * What the reporter, the reported person or a new participant writes to a case is filed
 * and relayed to every responder who is not conflicted (SPEC §3.3); someone the case did not
 * know yet becomes a participant.
 */
@Singleton
final class RelayFollowUp implements Step<Delivery> {

    private final MessageRepository messages;
    private final ParticipantRepository participants;
    private final EventRepository events;
    private final CaseRepository cases;
    private final Relays relays;
    private final Clock clock;

    RelayFollowUp(MessageRepository messages, ParticipantRepository participants, EventRepository events,
                  CaseRepository cases, Relays relays, Clock clock) {
        this.messages = messages;
        this.participants = participants;
        this.events = events;
        this.cases = cases;
        this.relays = relays;
        this.clock = clock;
    }

    @Override
    public Outcome handle(Delivery d) {
        Instant now = clock.instant();
        long caseId = d.caseRecord().id();
        InboundMessage m = d.message();
        AuthorRole role = d.author().role();
        messages.assign(d.row(), caseId, role, Disposition.FOLLOW_UP, null);
        boolean newParticipant = !d.author().knownToTheCase();
        if (newParticipant) {
            participants.save(new Participant(null, caseId, ParticipantRole.WITNESS, m.from().name(),
                    m.from().address(), now));
            events.save(new CaseEvent(null, caseId, now, Actor.CONDUCTD, EventKind.PARTICIPANT_ADDED,
                    "a new participant replied to case mail", d.row()));
        }
        events.save(new CaseEvent(null, caseId, now, d.author().actor(), EventKind.MESSAGE,
                "message from " + Relays.describe(role), d.row()));
        cases.touch(caseId, now);
        relays.fromParticipant(d.caseRecord(), m, role, newParticipant, d.row());
        return Outcome.GO_ON;
    }
}
