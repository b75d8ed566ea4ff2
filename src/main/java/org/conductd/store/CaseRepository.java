package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseRepository extends CrudRepository<CaseRecord, Long> {

    List<CaseRecord> findAllOrderById();

    boolean existsByCodeName(String codeName);

    @Query("UPDATE cases SET last_activity_at = :at WHERE id = :id")
    void touch(long id, Instant at);
}
