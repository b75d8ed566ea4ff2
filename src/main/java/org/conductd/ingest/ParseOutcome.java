package org.conductd.ingest;

import java.util.Objects;
import org.conductd.mail.InboundMessage;

/** What became of one raw message: a parsed message, or a one-sentence reason it could not be. */
public sealed interface ParseOutcome {

    record Parsed(InboundMessage message) implements ParseOutcome {

        public Parsed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The message cannot be turned into a case. {@code reason} is written for the team and never
     * quotes the message's content.
     */
    record Unparseable(String reason) implements ParseOutcome {

        public Unparseable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
