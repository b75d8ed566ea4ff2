package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import org.conductd.mail.Severity;

/** A case; its id is the case number people see. Its severity is stored as the word responders write. */
@MappedEntity("cases")
public record CaseRecord(
        @Id @GeneratedValue @Nullable Long id,
        String codeName,
        CaseState state,
        @Nullable @TypeDef(type = DataType.STRING, converter = SeverityConverter.class) Severity severity,
        boolean anonymous,
        Instant openedAt,
        @Nullable String takenBy,
        @Nullable String subject,
        Instant lastActivityAt,
        @Nullable String lead,
        @Nullable String incidentWhen,
        @Nullable String incidentWhere,
        @Nullable String summary,
        @Nullable String publicSummary,
        @Nullable Instant closedAt,
        @Nullable String resolution,
        @Nullable Instant dsfReportedAt) {

    /** A new, open case. */
    public static CaseRecord opened(String codeName, boolean anonymous, Instant at, String takenBy, String subject) {
        return new CaseRecord(null, codeName, CaseState.OPEN, null, anonymous, at, takenBy, subject, at,
                null, null, null, null, null, null, null, null);
    }
}
