package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An approval request: its Message-ID, the draft it showed, to whom, and the hash of what it showed. */
@MappedEntity("draft_requests")
public record DraftRequest(@Id String messageId, long draftId, @Nullable String member, @Nullable String contentHash) {
}
