package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The bytes of a message as received, or the name of the file holding an oversized one. */
@MappedEntity("raw_messages")
public record RawMessage(
        @Id long messageRow,
        @Nullable byte[] bytes,
        @Nullable String fileName) {
}
