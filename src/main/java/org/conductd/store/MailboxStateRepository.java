package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MailboxStateRepository extends CrudRepository<MailboxState, String> {

    @Query("INSERT INTO mailbox_state (folder, uid_validity, last_uid) VALUES (:folder, :uidValidity, :lastUid) "
            + "ON CONFLICT (folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid")
    void upsert(String folder, long uidValidity, long lastUid);
}
