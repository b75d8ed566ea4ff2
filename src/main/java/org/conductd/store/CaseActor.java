package org.conductd.store;

import io.micronaut.core.annotation.Introspected;

/** Someone who appears as the actor of an event in a case: read for the incident log's handlers. */
@Introspected
public record CaseActor(long caseId, String actor) {
}
