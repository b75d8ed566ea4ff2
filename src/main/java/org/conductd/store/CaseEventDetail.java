package org.conductd.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.conductd.mail.MessageIdIssuer;

/** The detail of one event of a case, without the rest of the row; like {@link CaseEvent}'s, never a token. */
@Introspected
public record CaseEventDetail(long caseId, @Nullable String detail) {

    public CaseEventDetail {
        detail = MessageIdIssuer.withoutTokens(detail);
    }
}
