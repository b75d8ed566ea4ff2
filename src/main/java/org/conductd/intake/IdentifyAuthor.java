package org.conductd.intake;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.conductd.config.Settings;
import org.conductd.config.TeamMember;
import org.conductd.mail.InboundMessage;
import org.conductd.store.Actor;
import org.conductd.store.AuthorRole;
import org.conductd.store.Participant;
import org.conductd.store.ParticipantRepository;

/**
 * Who wrote a message filed in a case: a team member, a participant the case already knows
 * (its reporter, reported person or a witness), or a new participant.
 */
@Singleton
final class IdentifyAuthor implements Step<Delivery> {

    private final Settings settings;
    private final ParticipantRepository participants;

    IdentifyAuthor(Settings settings, ParticipantRepository participants) {
        this.settings = settings;
        this.participants = participants;
    }

    @Override
    public Outcome handle(Delivery d) {
        InboundMessage m = d.message();
        Optional<TeamMember> member = settings.member(m.from());
        Optional<Participant> known = participants.findByCaseIdOrderById(d.caseRecord().id()).stream()
                .filter(p -> m.from().address().equals(p.address()))
                .findFirst();
        AuthorRole role = member.isPresent() ? AuthorRole.RESPONDER
                : known.map(p -> AuthorRole.valueOf(p.role().name())).orElse(AuthorRole.WITNESS);
        Actor actor = member.map(t -> Actor.member(t.email())).orElse(Actor.of(role));
        d.author(new Delivery.Author(role, member, known.isPresent(), actor));
        return Outcome.GO_ON;
    }
}
