package org.conductd.store;

import io.micronaut.core.annotation.Introspected;

/** A server UID that is already stored, and what was done with it. */
@Introspected
public record StoredUid(long uid, Disposition disposition) {
}
