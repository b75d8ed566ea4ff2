package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface QuarantineRepository extends CrudRepository<QuarantineEntry, Long> {

    @Query("SELECT * FROM quarantine WHERE notified_at IS NULL ORDER BY id")
    List<QuarantineEntry> findUnnotified();

    @Query("SELECT MAX(notified_at) FROM quarantine")
    Optional<Instant> findLastNotice();

    @Query("UPDATE quarantine SET notified_at = :at WHERE id = :id")
    void markNotified(long id, Instant at);
}
