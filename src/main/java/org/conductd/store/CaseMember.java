package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A roster member's standing in one case; {@code member} is their roster address.
 * {@code declaredBy} is the roster address of whoever declared the conflict with CONFLICT:
 * (the member themselves included); null when the report or REPORTED: names the member.
 */
@MappedEntity("case_members")
public record CaseMember(
        @Id @GeneratedValue @Nullable Long id,
        long caseId,
        String member,
        boolean conflicted,
        @Nullable String reason,
        Instant since,
        @Nullable String declaredBy) {

    /** Conflicted because another member said so: such a member still gets content-free notices. */
    public boolean declaredByAnother() {
        return conflicted && declaredBy != null && !declaredBy.equals(member);
    }
}
