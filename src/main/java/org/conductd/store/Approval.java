package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A member's approval, bound to the hash of the exact content they approved. */
@MappedEntity("approvals")
public record Approval(
        @Id @GeneratedValue @Nullable Long id,
        long draftId,
        String member,
        String contentHash,
        Instant at,
        @Nullable Long sourceMessage) {
}
