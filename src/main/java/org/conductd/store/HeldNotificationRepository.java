package org.conductd.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface HeldNotificationRepository extends CrudRepository<HeldNotification, Long> {

    @Query("SELECT * FROM held_notifications WHERE summarized_at IS NULL ORDER BY case_id")
    List<HeldNotification> findWaiting();

    @Query("SELECT MAX(summarized_at) FROM held_notifications")
    Optional<Instant> findLastSummary();

    @Query("UPDATE held_notifications SET summarized_at = :at WHERE summarized_at IS NULL AND case_id <= :upTo")
    void markSummarized(long upTo, Instant at);
}
