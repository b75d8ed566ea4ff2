package org.conductd.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.conductd.store.CaseEvent;
import org.conductd.store.EventKind;
import org.conductd.store.Disposition;
import org.conductd.store.EventRepository;
import org.conductd.store.MessageRepository;

/** Automatic mail in a case (an out-of-office answer, say) is filed and logged, never relayed or answered. */
@Singleton
final class KeepAutomaticInCase implements Step<Delivery> {

    private final MessageRepository messages;
    private final EventRepository events;
    private final Clock clock;

    KeepAutomaticInCase(MessageRepository messages, EventRepository events, Clock clock) {
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Outcome handle(Delivery d) {
        if (d.automatic().isEmpty()) {
            return Outcome.GO_ON;
        }
        long caseId = d.caseRecord().id();
        String reason = d.automatic().get().name();
        messages.assign(d.row(), caseId, d.author().role(), Disposition.AUTOMATIC, reason);
        events.save(new CaseEvent(null, caseId, clock.instant(), d.author().actor(), EventKind.AUTOMATIC_MAIL, reason, d.row()));
        return Outcome.PROCESSED;
    }
}
