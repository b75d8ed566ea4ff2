package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import org.conductd.mail.MailKind;

/**
 * One outbound message to one recipient; {@code raw} is exactly what goes on the wire.
 * {@code bouncedAt} and {@code bounceDetail} are set when a bounce for it comes back.
 * {@code forConflicted}: a content-free notice that goes to its member even while they are
 * conflicted in the case; any other mail to a member conflicted by then is withdrawn.
 */
@MappedEntity("outbox")
public record OutboxItem(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long caseId,
        @TypeDef(type = DataType.STRING, converter = MailKindConverter.class) MailKind kind,
        int priority,
        String messageId,
        String recipient,
        @Nullable String member,
        byte[] raw,
        OutboxState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Long causeMessage,
        @Nullable Instant bouncedAt,
        @Nullable String bounceDetail,
        boolean forConflicted) {
}
