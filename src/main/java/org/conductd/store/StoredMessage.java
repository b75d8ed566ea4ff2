package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A received message: where it came from, what it is, which case it belongs to. */
@MappedEntity("messages")
public record StoredMessage(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String messageId,
        String sha256,
        @Nullable String folder,
        @Nullable Long uidValidity,
        @Nullable Long uid,
        Instant receivedAt,
        long size,
        @Nullable String fromAddress,
        @Nullable String fromName,
        @Nullable String subject,
        @Nullable Long caseId,
        @Nullable AuthorRole authorRole,
        Disposition disposition,
        @Nullable String note,
        @Nullable String bodyText) {
}
