package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A roster member's standing in one case; {@code member} is their roster address. */
@MappedEntity("case_members")
public record CaseMember(
        @Id @GeneratedValue @Nullable Long id,
        long caseId,
        String member,
        boolean conflicted,
        @Nullable String reason,
        Instant since) {
}
