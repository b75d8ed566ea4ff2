package org.conductd.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DigestRepository extends CrudRepository<DigestRecord, Long> {

    Optional<DigestRecord> findByScheduledFor(Instant scheduledFor);
}
