package org.conductd.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * An address that received mail about a case; {@code member} is the roster address when the
 * mail went to a team member. Read without the message bytes.
 */
@Introspected
public record CaseRecipient(long caseId, String recipient, @Nullable String member) {
}
