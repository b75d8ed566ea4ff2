package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.conductd.mail.MailKind;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxRepository extends CrudRepository<OutboxItem, Long> {

    /** Due mail, acknowledgements and alerts first (lower priority number), then oldest first. */
    @Query("SELECT * FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= :now "
            + "ORDER BY priority, id LIMIT :limit")
    List<OutboxItem> findDue(Instant now, int limit);

    @Query("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'")
    Optional<Instant> findNextAttempt();

    @Query("UPDATE outbox SET state = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id")
    void markSent(long id, Instant at);

    @Query("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id")
    void markRetry(long id, Instant next, String error);

    @Query("UPDATE outbox SET state = 'FAILED', attempts = attempts + 1, last_error = :error WHERE id = :id")
    void markFailed(long id, String error);

    @Query("SELECT COUNT(*) FROM outbox WHERE recipient = :recipient AND kind = :kind AND created_at > :since")
    long countSince(String recipient, @TypeDef(type = DataType.STRING, converter = MailKindConverter.class) MailKind kind, Instant since);

    /** How many messages of these kinds went to an address since a moment: for limits shared between kinds. */
    @Query("SELECT COUNT(*) FROM outbox WHERE recipient = :recipient AND kind IN (:kinds) AND created_at > :since")
    long countOfKindsSince(String recipient, java.util.Collection<String> kinds, Instant since);

    /** How many messages of a kind about a case went to an address since a moment. */
    @Query("SELECT COUNT(*) FROM outbox WHERE case_id = :caseId AND recipient = :recipient AND kind = :kind "
            + "AND created_at > :since")
    long countForCaseToSince(long caseId, String recipient, @TypeDef(type = DataType.STRING, converter = MailKindConverter.class) MailKind kind, Instant since);

    @Query("SELECT case_id FROM outbox WHERE message_id = :messageId AND case_id IS NOT NULL")
    Optional<Long> findCaseIdByMessageId(String messageId);

    boolean existsByMessageId(String messageId);

    /** The sent messages with these Message-IDs: what a bounce is about. */
    @Query("SELECT * FROM outbox WHERE message_id IN (:messageIds) ORDER BY id")
    List<OutboxItem> findByMessageIds(Collection<String> messageIds);

    /** Records a bounce for a message; false if one was already recorded, so it is handled once. */
    @Query("UPDATE outbox SET bounced_at = :at, bounce_detail = :detail WHERE id = :id AND bounced_at IS NULL")
    long markBounced(long id, Instant at, String detail);

    /** Whether mail to a member about a case failed or bounced before, other than the message {@code id}. */
    @Query("SELECT COUNT(*) > 0 FROM outbox WHERE case_id = :caseId AND member = :member AND id <> :id "
            + "AND (state = 'FAILED' OR bounced_at IS NOT NULL)")
    boolean failedBeforeToMember(long caseId, String member, long id);

    /** The Message-ID of the first mail a member got about a case: later case mail threads under it. */
    @Query("SELECT message_id FROM outbox WHERE case_id = :caseId AND member = :member ORDER BY id LIMIT 1")
    Optional<String> findFirstMessageIdToMember(long caseId, String member);

    List<OutboxItem> findByCaseIdOrderById(long caseId);

    /**
     * Who received case mail: each address once per case, in the order it was first written
     * to. Mail still queued, failed or bounced was not received.
     */
    @Query("SELECT case_id, recipient, member FROM outbox WHERE case_id IS NOT NULL AND state = 'SENT' "
            + "AND bounced_at IS NULL GROUP BY case_id, recipient, member ORDER BY case_id, MIN(id)")
    List<CaseRecipient> findCaseRecipients();

    long countByState(OutboxState state);

    /** Whether this pending mail goes to a member who is conflicted in its case by now, and is not meant for them then. */
    @Query("SELECT COUNT(*) FROM outbox o JOIN case_members m ON m.case_id = o.case_id AND m.member = o.member "
            + "WHERE o.id = :id AND o.for_conflicted = 0 AND m.conflicted = 1")
    long countToConflictedMember(long id);

    @Query("UPDATE outbox SET state = 'WITHDRAWN' WHERE id = :id AND state = 'PENDING'")
    void markWithdrawn(long id);

    @Query("SELECT COUNT(*) FROM outbox WHERE case_id = :caseId AND kind = :kind AND created_at > :since")
    long countForCaseSince(long caseId, @TypeDef(type = DataType.STRING, converter = MailKindConverter.class) MailKind kind, Instant since);
}
