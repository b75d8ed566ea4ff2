package org.conductd.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.conductd.casework.MemberAnswers;
import org.conductd.store.Actor;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.EventRepository;

/** The sender gets the transcript of what their commands did; a reply with nothing in it is only logged. */
@Singleton
final class AnswerReply implements Step<ResponderReply> {

    private final MemberAnswers answers;
    private final EventRepository events;
    private final Clock clock;

    AnswerReply(MemberAnswers answers, EventRepository events, Clock clock) {
        this.answers = answers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Outcome handle(ResponderReply r) {
        if (!r.applied().transcript().isEmpty()) {
            answers.transcript(r.caseRecord(), r.sender(), r.applied(), r.row());
        }
        if (r.commands().commands().isEmpty() && r.commands().discussion().isBlank()) {
            events.save(new CaseEvent(null, r.caseRecord().id(), clock.instant(), Actor.member(r.sender().email()),
                    EventKind.MESSAGE, "an empty reply", r.row()));
        }
        return Outcome.PROCESSED;
    }
}
