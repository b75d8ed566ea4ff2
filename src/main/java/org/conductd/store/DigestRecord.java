package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A digest that went out, for the scheduled time it stands for; {@code triggerKind} is "schedule" or "manual". */
@MappedEntity("digests")
public record DigestRecord(
        @Id @GeneratedValue @Nullable Long id,
        Instant scheduledFor,
        Instant sentAt,
        String triggerKind) {
}
