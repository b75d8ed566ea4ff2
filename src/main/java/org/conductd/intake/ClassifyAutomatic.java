package org.conductd.intake;

import jakarta.inject.Singleton;
import org.conductd.ingest.AutomaticMail;
import org.conductd.mail.MessageBudget;

/** Notes whether the message is automatic mail, which is filed but never answered or relayed. */
@Singleton
final class ClassifyAutomatic implements Step<Delivery> {

    private final AutomaticMail automatic;

    ClassifyAutomatic(AutomaticMail automatic) {
        this.automatic = automatic;
    }

    @Override
    public Outcome handle(Delivery d) {
        d.automatic(MessageBudget.within(() -> automatic.classify(d.message())));
        return Outcome.GO_ON;
    }
}
