package org.conductd.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** The detail of one event of a case, without the rest of the row. */
@Introspected
public record CaseEventDetail(long caseId, @Nullable String detail) {
}
