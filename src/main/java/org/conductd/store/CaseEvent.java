package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.conductd.mail.MessageIdIssuer;

/**
 * One line of a case's paper trail: who did what, when, and because of which message.
 * {@code kind} says what happened and {@code actor} who did it ({@link Actor}). A detail never holds
 * a member's token, whatever quoted one: the case record is read by the whole team and shown
 * in STATUS and {@code case N}, and a token lets whoever has it act as its member.
 */
@MappedEntity("events")
public record CaseEvent(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long caseId,
        Instant at,
        Actor actor,
        EventKind kind,
        @Nullable String detail,
        @Nullable Long messageRow) {

    public CaseEvent {
        detail = MessageIdIssuer.withoutTokens(detail);
    }
}
