package org.conductd.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A name and an address the reporter of a case is known by: recorded, or written from. */
@Introspected
public record ReporterIdentity(long caseId, @Nullable String name, @Nullable String address) {
}
