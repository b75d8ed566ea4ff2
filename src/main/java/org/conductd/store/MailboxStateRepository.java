package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MailboxStateRepository extends CrudRepository<MailboxState, String> {

    /** Records how far the folder has been read; keeps what was in it at the first sync. */
    @Query("INSERT INTO mailbox_state (folder, uid_validity, last_uid) VALUES (:folder, :uidValidity, :lastUid) "
            + "ON CONFLICT (folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid")
    void upsert(String folder, long uidValidity, long lastUid);

    /** Starts reading the folder from UID 1 under {@code uidValidity}. */
    @Query("INSERT INTO mailbox_state (folder, uid_validity, last_uid, first_sync_uid) "
            + "VALUES (:folder, :uidValidity, 0, :firstSyncUid) ON CONFLICT (folder) DO UPDATE SET "
            + "uid_validity = excluded.uid_validity, last_uid = 0, first_sync_uid = excluded.first_sync_uid")
    void restart(String folder, long uidValidity, long firstSyncUid);
}
