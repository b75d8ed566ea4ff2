package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The queries of the retention purge: which rows of a closed case still hold personal data,
 * and the erasure of that data, table by table. Each {@code count...} counts the rows its
 * {@code erase...} would change, so a purged case counts zero everywhere; NOT NULL columns
 * become empty instead of NULL. Collections passed here must not be empty.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PurgeRepository extends GenericRepository<CaseRecord, Long> {

    /** The personal fields of a message; a purged message has none of them left. */
    String MESSAGE_TEXT = "body_text IS NOT NULL OR from_address IS NOT NULL OR from_name IS NOT NULL "
            + "OR subject IS NOT NULL OR note IS NOT NULL";

    String OUTBOX_TEXT =
            "raw <> x'' OR recipient <> '' OR last_error IS NOT NULL OR bounce_detail IS NOT NULL OR state = 'PENDING'";

    // Mail still waiting to go out for a purged case is never sent: its bytes are gone.
    String OUTBOX_ERASED = "raw = x'', recipient = '', last_error = NULL, bounce_detail = NULL, "
            + "state = CASE state WHEN 'PENDING' THEN 'FAILED' ELSE state END";

    String DRAFT_MESSAGE_TEXT = "recipient <> '' OR recipient_name IS NOT NULL OR subject <> '' OR text_body <> '' "
            + "OR html_body IS NOT NULL OR in_reply_to IS NOT NULL";

    String CASE_TEXT = "subject IS NOT NULL OR summary IS NOT NULL OR incident_when IS NOT NULL "
            + "OR incident_where IS NOT NULL";

    @Query("SELECT id FROM cases WHERE state = 'CLOSED' AND closed_at < :before ORDER BY id")
    List<Long> findClosedBefore(Instant before);

    /**
     * The case's messages; the redelivered copies of them, which intake keeps in no case with
     * the note "duplicate of Message-ID ..." (see KeepDuplicate); and the mail kept in no case
     * that belongs to it or names it: copies of conductd's own mail about it, bounces of that
     * mail, and quarantined mail that answers it, each found by a Message-ID of the case's
     * mail or its subject tag ({@code tag}) in the stored bytes.
     */
    @Query("SELECT id FROM messages WHERE case_id = :caseId "
            + "UNION SELECT d.id FROM messages d JOIN messages m ON d.note = 'duplicate of Message-ID ' || m.message_id "
            + "WHERE m.case_id = :caseId AND d.case_id IS NULL AND d.disposition = 'DUPLICATE' "
            + "UNION SELECT k.id FROM messages k JOIN raw_messages r ON r.message_row = k.id "
            + "WHERE k.case_id IS NULL AND k.disposition IN ('OWN', 'BOUNCE', 'QUARANTINED') AND r.bytes IS NOT NULL "
            + "AND (instr(r.bytes, CAST(:tag AS BLOB)) > 0 OR EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = :caseId "
            + "AND o.message_id <> '' AND instr(r.bytes, CAST(o.message_id AS BLOB)) > 0))")
    List<Long> findMessagesOfCase(long caseId, String tag);

    @Query("SELECT id FROM drafts WHERE case_id = :caseId")
    List<Long> findDraftsOfCase(long caseId);

    /** Messages with anything personal left: text, stored bytes or attachments. */
    @Query("SELECT COUNT(*) FROM messages m WHERE m.id IN (:messages) AND (" + MESSAGE_TEXT
            + " OR EXISTS (SELECT 1 FROM raw_messages r WHERE r.message_row = m.id)"
            + " OR EXISTS (SELECT 1 FROM attachments a WHERE a.message_row = m.id))")
    long countMessagesHoldingData(Collection<Long> messages);

    @Query("SELECT file_name FROM raw_messages WHERE file_name IS NOT NULL AND message_row IN (:messages)")
    List<String> findOversizedFileNames(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM attachments WHERE message_row IN (:messages)")
    long countAttachments(Collection<Long> messages);

    @Query("DELETE FROM attachments WHERE message_row IN (:messages)")
    void eraseAttachments(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM raw_messages WHERE message_row IN (:messages)")
    long countRawMessages(Collection<Long> messages);

    @Query("DELETE FROM raw_messages WHERE message_row IN (:messages)")
    void eraseRawMessages(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM messages WHERE id IN (:messages) AND (" + MESSAGE_TEXT + ")")
    long countMessageText(Collection<Long> messages);

    @Query("UPDATE messages SET body_text = NULL, from_address = NULL, from_name = NULL, subject = NULL, note = NULL "
            + "WHERE id IN (:messages) AND (" + MESSAGE_TEXT + ")")
    void eraseMessageText(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM messages WHERE id IN (:messages) AND message_id IS NOT NULL")
    long countMessageIds(Collection<Long> messages);

    // Mail programs put the sender's domain or computer name into Message-IDs.
    @Query("UPDATE messages SET message_id = NULL WHERE id IN (:messages) AND message_id IS NOT NULL")
    void eraseMessageIds(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM participants WHERE case_id IN (:cases) AND (name IS NOT NULL OR address IS NOT NULL)")
    long countParticipants(Collection<Long> cases);

    @Query("UPDATE participants SET name = NULL, address = NULL "
            + "WHERE case_id IN (:cases) AND (name IS NOT NULL OR address IS NOT NULL)")
    void eraseParticipants(Collection<Long> cases);

    @Query("SELECT COUNT(*) FROM events WHERE case_id IN (:cases) AND detail IS NOT NULL")
    long countCaseEventDetails(Collection<Long> cases);

    @Query("UPDATE events SET detail = NULL WHERE case_id IN (:cases) AND detail IS NOT NULL")
    void eraseCaseEventDetails(Collection<Long> cases);

    @Query("SELECT COUNT(*) FROM events WHERE message_row IN (:messages) AND detail IS NOT NULL")
    long countMessageEventDetails(Collection<Long> messages);

    @Query("UPDATE events SET detail = NULL WHERE message_row IN (:messages) AND detail IS NOT NULL")
    void eraseMessageEventDetails(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM outbox WHERE case_id IN (:cases) AND (" + OUTBOX_TEXT + ")")
    long countCaseOutbox(Collection<Long> cases);

    @Query("UPDATE outbox SET " + OUTBOX_ERASED + " WHERE case_id IN (:cases) AND (" + OUTBOX_TEXT + ")")
    void eraseCaseOutbox(Collection<Long> cases);

    @Query("SELECT COUNT(*) FROM outbox WHERE cause_message IN (:messages) AND (" + OUTBOX_TEXT + ")")
    long countReplyOutbox(Collection<Long> messages);

    @Query("UPDATE outbox SET " + OUTBOX_ERASED + " WHERE cause_message IN (:messages) AND (" + OUTBOX_TEXT + ")")
    void eraseReplyOutbox(Collection<Long> messages);

    @Query("SELECT COUNT(*) FROM drafts WHERE case_id IN (:cases) AND decision_note IS NOT NULL")
    long countDraftNotes(Collection<Long> cases);

    @Query("UPDATE drafts SET decision_note = NULL WHERE case_id IN (:cases) AND decision_note IS NOT NULL")
    void eraseDraftNotes(Collection<Long> cases);

    @Query("SELECT COUNT(*) FROM draft_messages WHERE draft_id IN (:drafts) AND (" + DRAFT_MESSAGE_TEXT + ")")
    long countDraftMessages(Collection<Long> drafts);

    @Query("UPDATE draft_messages SET recipient = '', recipient_name = NULL, subject = '', text_body = '', "
            + "html_body = NULL, in_reply_to = NULL WHERE draft_id IN (:drafts) AND (" + DRAFT_MESSAGE_TEXT + ")")
    void eraseDraftMessages(Collection<Long> drafts);

    @Query("SELECT COUNT(*) FROM case_members WHERE case_id IN (:cases) AND reason IS NOT NULL")
    long countMemberReasons(Collection<Long> cases);

    // A reason such as "recorded as the reported person" says who was reported.
    @Query("UPDATE case_members SET reason = NULL WHERE case_id IN (:cases) AND reason IS NOT NULL")
    void eraseMemberReasons(Collection<Long> cases);

    @Query("SELECT COUNT(*) FROM cases WHERE id IN (:cases) AND (" + CASE_TEXT + ")")
    long countCaseText(Collection<Long> cases);

    @Query("UPDATE cases SET subject = NULL, summary = NULL, incident_when = NULL, incident_where = NULL "
            + "WHERE id IN (:cases) AND (" + CASE_TEXT + ")")
    void eraseCaseText(Collection<Long> cases);

    @Query("SELECT public_summary FROM cases WHERE id = :caseId AND public_summary IS NOT NULL")
    List<String> findPublicSummary(long caseId);

    @Query("UPDATE cases SET public_summary = :text WHERE id = :caseId")
    void setPublicSummary(long caseId, String text);
}
