package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A case opened during a flood of reports, whose notifications wait for the next summary. */
@MappedEntity("held_notifications")
public record HeldNotification(@Id long caseId, Instant heldAt, @Nullable Instant summarizedAt) {
}
