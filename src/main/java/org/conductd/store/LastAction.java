package org.conductd.store;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** When a team member last acted on a case. */
@Introspected
public record LastAction(long caseId, Instant at) {
}
