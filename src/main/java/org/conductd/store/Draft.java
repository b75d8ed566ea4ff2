package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A message (or the messages of a resolution) waiting for a second member; its id is the "D3" people see. */
@MappedEntity("drafts")
public record Draft(
        @Id @GeneratedValue @Nullable Long id,
        long caseId,
        DraftKind kind,
        String author,
        DraftState state,
        @Nullable String resolution,
        String contentHash,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable String decisionNote,
        @Nullable Long sourceMessage) {

    public String label() {
        return "D" + id;
    }
}
