package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.compose.Relays;

/** What the reply says besides its commands goes to every other responder who is not conflicted. */
@Singleton
final class RelayDiscussion implements Step<ResponderReply> {

    private final Relays relays;

    RelayDiscussion(Relays relays) {
        this.relays = relays;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        String discussion = r.commands().discussion();
        if (!discussion.isBlank()) {
            relays.discussion(r.caseRecord(), r.sender(), discussion, r.message().attachments(), r.row());
        }
        return Outcome.GO_ON;
    }
}
