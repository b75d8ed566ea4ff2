package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One message of a draft, rendered when drafted: exactly what an approval approves. */
@MappedEntity("draft_messages")
public record DraftMessage(
        @Id @GeneratedValue @Nullable Long id,
        long draftId,
        String recipientRole,
        String recipient,
        @Nullable String recipientName,
        String messageId,
        @Nullable String inReplyTo,
        String subject,
        String textBody,
        @Nullable String htmlBody) {
}
