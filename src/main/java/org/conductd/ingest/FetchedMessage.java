package org.conductd.ingest;

import java.nio.file.Path;

/**
 * A message as fetched from the server, before anything else is done with it.
 * Either {@code raw} holds its bytes, or (for mail over the size limit) {@code spooled}
 * names the private file it was streamed to.
 */
public record FetchedMessage(
        String folder,
        long uidValidity,
        long uid,
        byte[] raw,
        Path spooled,
        long size,
        String sha256) {

    public boolean oversized() {
        return spooled != null;
    }
}
