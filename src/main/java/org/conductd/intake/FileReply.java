package org.conductd.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.conductd.store.AuthorRole;
import org.conductd.store.CaseRepository;
import org.conductd.store.Disposition;
import org.conductd.store.MessageRepository;

/** An authentic reply is filed in its case, which counts as active from now. */
@Singleton
final class FileReply implements Step<ResponderReply> {

    private final MessageRepository messages;
    private final CaseRepository cases;
    private final Clock clock;

    FileReply(MessageRepository messages, CaseRepository cases, Clock clock) {
        this.messages = messages;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        messages.assign(r.row(), r.caseRecord().id(), AuthorRole.RESPONDER, Disposition.FOLLOW_UP, null);
        cases.touch(r.caseRecord().id(), clock.instant());
        return Outcome.GO_ON;
    }
}
