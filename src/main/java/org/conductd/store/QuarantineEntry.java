package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("quarantine")
public record QuarantineEntry(
        @Id @GeneratedValue @Nullable Long id,
        long messageRow,
        String reason,
        Instant at,
        @Nullable Instant notifiedAt) {
}
