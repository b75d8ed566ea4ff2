package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MessageRepository extends CrudRepository<StoredMessage, Long> {

    boolean existsByMessageId(String messageId);

    Optional<StoredMessage> findByMessageId(String messageId);

    /** What became of the stored message with these bytes, if one is stored. */
    @Query("SELECT disposition FROM messages WHERE sha256 = :sha256")
    Optional<Disposition> findDispositionBySha256(String sha256);

    /** Files a stored message: its case, who wrote it, what was done with it. */
    @Query("UPDATE messages SET case_id = :caseId, author_role = :role, disposition = :disposition, note = COALESCE(:note, note) "
            + "WHERE id = :id")
    void assign(long id, @Nullable Long caseId, @Nullable AuthorRole role, Disposition disposition, @Nullable String note);

    @Query("SELECT case_id FROM messages WHERE message_id = :messageId AND case_id IS NOT NULL")
    Optional<Long> findCaseIdByMessageId(String messageId);

    List<StoredMessage> findByCaseIdOrderById(long caseId);

    /** Every name and address the reporter of a case wrote from, each pair once. */
    @Query("SELECT DISTINCT case_id, from_name AS name, from_address AS address FROM messages "
            + "WHERE case_id = :caseId AND author_role = 'REPORTER'")
    List<ReporterIdentity> findReporterIdentities(long caseId);

    /** As {@link #findReporterIdentities}, for every anonymous case at once. */
    @Query("SELECT DISTINCT case_id, from_name AS name, from_address AS address FROM messages "
            + "WHERE author_role = 'REPORTER' AND case_id IN (SELECT id FROM cases WHERE anonymous = 1)")
    List<ReporterIdentity> findReporterIdentitiesOfAnonymousCases();

    List<StoredMessage> findByDispositionOrderById(Disposition disposition);

    @Query("SELECT uid, disposition FROM messages WHERE folder = :folder AND uid_validity = :uidValidity AND uid IN (:uids)")
    List<StoredUid> findStoredUids(String folder, long uidValidity, Collection<Long> uids);
}
