package org.conductd.mail;

import java.time.Instant;

/**
 * When a message reached the conduct mailbox, as the mail server says (never the sender's
 * {@code Date:}, which is only as right as the sender's clock).
 *
 * @param at              the server's arrival time (INTERNALDATE), or null where it gave none
 * @param beforeFirstSync the message was already in the mailbox when conductd first read it
 */
public record Arrival(Instant at, boolean beforeFirstSync) {

    /** A message that has just arrived, as far as anyone can tell. */
    public static Arrival unknown() {
        return new Arrival(null, false);
    }
}
