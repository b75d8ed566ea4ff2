package org.conductd.intake;

import jakarta.inject.Singleton;

/** Queues the mail the applied commands cause (approval requests, notices), now that every change is made. */
@Singleton
final class SendCommandMail implements Step<ResponderReply> {

    @Override
    public Outcome handle(ResponderReply r) {
        r.applied().mail().forEach(Runnable::run);
        return Outcome.GO_ON;
    }
}
