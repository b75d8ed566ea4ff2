package org.conductd.ingest;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A message as fetched from the server, before anything else is done with it.
 * Either {@code raw} holds its bytes, or (for mail over the size limit) {@code spooled}
 * names the private file it was streamed to. {@code arrived} is when the server says the
 * message reached the mailbox (its INTERNALDATE), or null where the server gave none;
 * unlike the sender's {@code Date:} it does not depend on the sender's clock.
 */
public record FetchedMessage(
        String folder,
        long uidValidity,
        long uid,
        byte[] raw,
        Path spooled,
        long size,
        String sha256,
        Instant arrived) {

    public boolean oversized() {
        return spooled != null;
    }
}
