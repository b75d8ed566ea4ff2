package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("participants")
public record Participant(
        @Id @GeneratedValue @Nullable Long id,
        long caseId,
        ParticipantRole role,
        @Nullable String name,
        @Nullable String address,
        Instant addedAt) {
}
