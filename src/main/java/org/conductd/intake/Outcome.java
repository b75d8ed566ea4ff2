package org.conductd.intake;

import org.conductd.ingest.ServerMark;

/** What a {@link Step} decided: the next step goes on, or the message is done with this mark on the server. */
sealed interface Outcome {

    Outcome GO_ON = new GoOn();
    Outcome PROCESSED = new Done(ServerMark.PROCESSED);
    Outcome QUARANTINED = new Done(ServerMark.QUARANTINED);

    record GoOn() implements Outcome {
    }

    record Done(ServerMark mark) implements Outcome {
    }
}
