package org.conductd.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The Message-ID of an approval request, and the draft it asked about. */
@MappedEntity("draft_requests")
public record DraftRequest(@Id String messageId, long draftId) {
}
